package io.sealtrail.verify.age;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.XECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * age's X25519 keys (age-encryption.org/v1): a recipient {@code age1…} anyone may hold, an identity
 * {@code AGE-SECRET-KEY-1…} only its owner does; the same text {@code age-keygen} writes and {@code age} reads, so
 * a case handed over with Sealtrail opens with the reference tool too. The X25519 arithmetic is the JDK's.
 */
public final class AgeKeys {
    static final String RECIPIENT_HRP = "age";
    static final String IDENTITY_HRP = "AGE-SECRET-KEY-";

    private AgeKeys() {
    }

    /** A public key to encrypt to. */
    public record Recipient(byte[] publicKey) {
        public Recipient {
            publicKey = publicKey.clone();
            if (publicKey.length != 32) {
                throw new IllegalArgumentException("an X25519 public key is 32 bytes");
            }
        }

        @Override
        public byte[] publicKey() {
            return publicKey.clone();
        }

        /** {@code age1…} */
        public String encode() {
            return Bech32.encode(RECIPIENT_HRP, publicKey);
        }

        /** @throws IllegalArgumentException naming what is wrong with {@code text} */
        public static Recipient parse(String text) {
            String t = text.strip();
            Bech32.Decoded d;
            try {
                d = Bech32.decode(t);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + abbreviated(t) + "' is not an age recipient: it " + e.getMessage());
            }
            if (!d.hrp().equals(RECIPIENT_HRP) || d.data().length != 32) {
                throw new IllegalArgumentException("'" + abbreviated(t) + "' is not an age X25519 recipient (age1…)");
            }
            return new Recipient(d.data());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Recipient r && Arrays.equals(publicKey, r.publicKey);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(publicKey);
        }

        @Override
        public String toString() {
            return encode();
        }
    }

    /** A secret key to decrypt with. */
    public static final class Identity {
        private final byte[] secret;

        private Identity(byte[] secret) {
            if (secret.length != 32) {
                throw new IllegalArgumentException("an X25519 secret key is 32 bytes");
            }
            this.secret = secret.clone();
        }

        public static Identity generate() {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("X25519");
                XECPrivateKey k = (XECPrivateKey) g.generateKeyPair().getPrivate();
                return new Identity(k.getScalar().orElseThrow());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("this JDK has no X25519", e);
            }
        }

        /** {@code AGE-SECRET-KEY-1…} */
        public String encode() {
            return Bech32.encode(IDENTITY_HRP, secret).toUpperCase(Locale.ROOT);
        }

        public Recipient recipient() {
            byte[] basePoint = new byte[32];
            basePoint[0] = 9;
            return new Recipient(x25519(secret, basePoint));
        }

        byte[] secret() {
            return secret.clone();
        }

        /**
         * The identities of a key file as {@code age-keygen} writes it: one {@code AGE-SECRET-KEY-1…} per line,
         * {@code #} comments and blank lines ignored.
         *
         * @throws IllegalArgumentException naming the line that is not an identity
         */
        public static List<Identity> parseFile(String text) {
            List<Identity> out = new ArrayList<>();
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String l = lines[i].strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                Bech32.Decoded d;
                try {
                    d = Bech32.decode(l);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("line " + (i + 1) + " is not an age identity: it " + e.getMessage());
                }
                if (!d.hrp().equalsIgnoreCase(IDENTITY_HRP) || d.data().length != 32) {
                    throw new IllegalArgumentException("line " + (i + 1) + " is not an age X25519 identity"
                            + " (AGE-SECRET-KEY-1…)");
                }
                out.add(new Identity(d.data()));
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException("it holds no age identity (AGE-SECRET-KEY-1…)");
            }
            return out;
        }
    }

    /**
     * X25519(scalar, u) (RFC 7748).
     *
     * @throws IllegalArgumentException when the result is all zeros (a small-order point), which age rejects
     */
    static byte[] x25519(byte[] scalar, byte[] u) {
        try {
            KeyFactory f = KeyFactory.getInstance("XDH");
            PrivateKey k = f.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar));
            byte[] le = u.clone();
            le[31] &= 0x7f; // RFC 7748 5: the top bit of a u-coordinate is ignored
            PublicKey p = f.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, littleEndian(le)));
            KeyAgreement a = KeyAgreement.getInstance("X25519");
            a.init(k);
            a.doPhase(p, true);
            byte[] shared = a.generateSecret();
            if (isZero(shared)) {
                throw new IllegalArgumentException("the X25519 result is all zeros");
            }
            return shared;
        } catch (GeneralSecurityException e) {
            // the JDK refuses a small-order point itself
            throw new IllegalArgumentException("X25519 failed: " + e.getMessage(), e);
        }
    }

    /** HKDF-SHA-256 (RFC 5869) for 32 bytes of output; an empty salt is HashLen zeros, as the RFC says. */
    static byte[] hkdf(byte[] ikm, byte[] salt, String info) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt.length == 0 ? new byte[32] : salt, "HmacSHA256"));
            byte[] prk = mac.doFinal(ikm);
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            mac.update(info.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            mac.update((byte) 1);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no HmacSHA256", e);
        }
    }

    private static BigInteger littleEndian(byte[] le) {
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) {
            be[i] = le[le.length - 1 - i];
        }
        return new BigInteger(1, be);
    }

    private static boolean isZero(byte[] b) {
        int acc = 0;
        for (byte x : b) {
            acc |= x;
        }
        return acc == 0;
    }

    private static String abbreviated(String s) {
        return s.length() <= 24 ? s : s.substring(0, 20) + "…";
    }
}
