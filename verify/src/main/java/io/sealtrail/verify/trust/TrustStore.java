package io.sealtrail.verify.trust;

import io.sealtrail.verify.io.AtomicFiles;
import io.sealtrail.verify.note.NoteFormatException;
import io.sealtrail.verify.note.VerifierKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The auditor's own list of log keys they trust: a text file of C2SP verifier keys, one per line,
 * '#' comments allowed. It lives in the user's config folder ({@link UserFolders#config}: {@code $SEALTRAIL_HOME},
 * else on Linux {@code $XDG_CONFIG_HOME/sealtrail} or {@code ~/.config/sealtrail}, on Windows
 * {@code %APPDATA%\Sealtrail}, on macOS {@code ~/Library/Application Support/Sealtrail}) as {@code trusted-keys}, so
 * the auditor, not the bundle, decides whom to believe. Writes replace the file atomically.
 */
public final class TrustStore {
    public static final String FILE_NAME = "trusted-keys";

    private final Path file;

    public TrustStore(Path file) {
        this.file = file;
    }

    /** The trust store of the current user. */
    public static TrustStore forUser(Map<String, String> env) {
        return new TrustStore(configDir(env).resolve(FILE_NAME));
    }

    /** The user's config folder ({@link UserFolders#config}): $SEALTRAIL_HOME, else the system's usual place. */
    public static Path configDir(Map<String, String> env) {
        return UserFolders.current(env).config();
    }

    public Path file() {
        return file;
    }

    public List<VerifierKey> keys() throws IOException, NoteFormatException {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return VerifierKey.parseAll(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoteFormatException e) {
            throw new NoteFormatException(file + ": " + e.getMessage(), e);
        }
    }

    /** Adds a key (no-op if present). @return whether it was new */
    public boolean add(VerifierKey key, String comment) throws IOException, NoteFormatException {
        List<VerifierKey> keys = keys();
        if (keys.contains(key)) {
            return false;
        }
        List<String> lines = Files.exists(file) ? new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8))
                : new ArrayList<>(List.of("# Log keys trusted by this Sealtrail user (C2SP verifier keys, one per line)"));
        if (comment != null && !comment.isBlank()) {
            lines.add("# " + comment.replace('\n', ' '));
        }
        lines.add(key.encode());
        write(lines);
        return true;
    }

    /** Removes every key with this name or fingerprint. @return how many were removed */
    public int remove(String nameOrFingerprint) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        List<String> kept = new ArrayList<>();
        int removed = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                try {
                    VerifierKey k = VerifierKey.parse(t);
                    if (k.name().equals(nameOrFingerprint) || k.fingerprint().equals(nameOrFingerprint)
                            || k.encode().equals(nameOrFingerprint)) {
                        removed++;
                        continue;
                    }
                } catch (NoteFormatException e) {
                    // keep lines we cannot parse; keys() reports them
                }
            }
            kept.add(line);
        }
        if (removed > 0) {
            write(kept);
        }
        return removed;
    }

    private void write(List<String> lines) throws IOException {
        Files.createDirectories(file.getParent());
        AtomicFiles.write(file, AtomicFiles.Existing.REPLACE,
                (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
