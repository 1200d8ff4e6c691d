package io.sealtrail.cases;

import io.sealtrail.verify.io.AtomicFiles;
import io.sealtrail.verify.note.NoteFormatException;
import io.sealtrail.verify.note.NoteSigner;
import io.sealtrail.verify.trust.TrustStore;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;

/**
 * The auditor's own Ed25519 key, which signs every case journal they write. Created on first use in the
 * user's config folder (see {@link TrustStore#configDir}) as {@code auditor.key} (private, mode 0600)
 * and {@code auditor.vkey} (the C2SP verifier key to hand to whoever must check the journal).
 */
public final class AuditorKey {
    public static final String KEY_FILE = "auditor.key";
    public static final String VKEY_FILE = "auditor.vkey";

    private AuditorKey() {
    }

    public static NoteSigner loadOrCreate(Map<String, String> env) throws IOException {
        return loadOrCreate(TrustStore.configDir(env));
    }

    /** Safe to call from several threads or processes at once: whoever creates the key first wins, the rest load it. */
    public static NoteSigner loadOrCreate(Path configDir) throws IOException {
        Path key = configDir.resolve(KEY_FILE);
        if (!Files.exists(key)) {
            Files.createDirectories(configDir);
            NoteSigner signer = NoteSigner.generate(defaultName(), new SecureRandom());
            try {
                // owner-only from the start: AtomicFiles creates its temporary file with mode 0600
                AtomicFiles.write(key, AtomicFiles.Existing.REFUSE, (signer.encode() + "\n").getBytes(StandardCharsets.UTF_8));
                AtomicFiles.write(configDir.resolve(VKEY_FILE), AtomicFiles.Existing.REPLACE,
                        (signer.verifierKey().encode() + "\n").getBytes(StandardCharsets.UTF_8));
                return signer;
            } catch (FileAlreadyExistsException e) {
                // created meanwhile by another thread or process: sign with that one, never replace it
            }
        }
        try {
            return NoteSigner.parse(Files.readString(key, StandardCharsets.UTF_8).strip());
        } catch (NoteFormatException e) {
            throw new IOException(key + " is not a signing key (" + e.getMessage() + ")", e);
        }
    }

    /** auditor/USER@HOST, with characters a key name may not hold replaced. */
    static String defaultName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "localhost";
        }
        String user = System.getProperty("user.name", "auditor");
        return ("auditor/" + user + "@" + host).replaceAll("[\\s+]", "_");
    }
}
