package io.sealtrail.verify.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * How a refusal names a file the person chose: its path, size and SHA-256. A file that cannot be read as
 * evidence is still a file someone received, and its size and hash are what they write in the custody
 * record or send back to the sender ("the zip you sent is 30,000 bytes, SHA-256 6541…").
 */
public final class ReceivedFile {
    private ReceivedFile() {
    }

    /** {@code path (30,000 bytes, SHA-256 hex)}. */
    public static String describe(Path file, long size, String sha256) {
        return file + " (" + String.format("%,d", size) + " bytes, SHA-256 " + sha256 + ")";
    }

    /**
     * A message that begins with {@code file}'s path, with its size and SHA-256 put after the path. The message
     * is returned as it is for a folder, a file that cannot be read, a message about another path (a file inside
     * a folder), or one that already gives a SHA-256.
     */
    public static String identified(Path file, String message) {
        String prefix = file + ": ";
        if (message == null || !message.startsWith(prefix) || message.contains("SHA-256") || !Files.isRegularFile(file)) {
            return message;
        }
        try {
            return describe(file, Files.size(file), sha256(file)) + ": " + message.substring(prefix.length());
        } catch (IOException e) {
            return message; // the refusal itself says why the file cannot be read
        }
    }

    /** The SHA-256 of the file's bytes, in lower-case hex: what the custody record and the sender compare. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md = io.sealtrail.verify.merkle.Sha256.newDigest();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
