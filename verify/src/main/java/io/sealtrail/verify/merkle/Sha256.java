package io.sealtrail.verify.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, the one hash Sealtrail computes: made here so no caller has to handle an algorithm that cannot be missing. */
public final class Sha256 {
    private Sha256() {
    }

    /** A fresh digest; hot loops keep one and reuse it, as {@link MessageDigest#digest()} resets it. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE platform is required to provide SHA-256.
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    public static byte[] of(byte[] bytes) {
        return newDigest().digest(bytes);
    }

    /** The hash of {@code bytes} in lower-case hex. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(of(bytes));
    }
}
