package io.sealtrail.tools.tsa;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;

/**
 * Seed-derived key material for the test TSA. Nothing here is secret-grade: it exists so that a
 * generated bundle is byte-for-byte reproducible from its seed.
 *
 * <p>RSA primes are defined mathematically ("the first prime at or above a SHA-256-expanded
 * candidate") instead of via a seeded PRNG fed to a library key generator: the result then does
 * not change when BouncyCastle or the JDK change their key-generation internals.
 */
final class DeterministicKeys {
    private static final BigInteger E = BigInteger.valueOf(65537);
    private static final int PRIME_BITS = 1024;

    private DeterministicKeys() {
    }

    /** SHA-256 counter-mode expansion of (seed, label) to {@code length} bytes. */
    static byte[] expand(byte[] seed, String label, int length) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        byte[] labelBytes = label.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[length];
        int filled = 0;
        for (int counter = 0; filled < length; counter++) {
            sha256.update(intBytes(seed.length));
            sha256.update(seed);
            sha256.update(intBytes(labelBytes.length));
            sha256.update(labelBytes);
            sha256.update(intBytes(counter));
            byte[] block = sha256.digest();
            int n = Math.min(block.length, length - filled);
            System.arraycopy(block, 0, out, filled, n);
            filled += n;
        }
        return out;
    }

    /** A positive, non-zero 127-bit serial number (fits RFC 5280's 20-octet limit). */
    static BigInteger serial(byte[] seed, String label) {
        byte[] bytes = expand(seed, label, 16);
        bytes[0] &= 0x7f;
        BigInteger serial = new BigInteger(1, bytes);
        return serial.signum() == 0 ? BigInteger.ONE : serial;
    }

    /** A 2048-bit RSA key pair (e = 65537) derived from (seed, label). */
    static KeyPair rsa(byte[] seed, String label) {
        BigInteger p = prime(seed, label + "/p");
        BigInteger q = prime(seed, label + "/q");
        if (p.equals(q)) {
            throw new IllegalStateException("derived identical RSA primes"); // needs a SHA-256 collision
        }
        if (p.compareTo(q) < 0) { // conventional p > q so that qInv = q^-1 mod p
            BigInteger t = p;
            p = q;
            q = t;
        }
        BigInteger n = p.multiply(q);
        BigInteger pm1 = p.subtract(BigInteger.ONE);
        BigInteger qm1 = q.subtract(BigInteger.ONE);
        BigInteger lambda = pm1.divide(pm1.gcd(qm1)).multiply(qm1);
        BigInteger d = E.modInverse(lambda);
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new KeyPair(
                    rsa.generatePublic(new RSAPublicKeySpec(n, E)),
                    rsa.generatePrivate(new RSAPrivateCrtKeySpec(n, E, d, p, q,
                            d.mod(pm1), d.mod(qm1), q.modInverse(p))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK cannot build an RSA key", e);
        }
    }

    private static BigInteger prime(byte[] seed, String label) {
        for (int attempt = 0; ; attempt++) {
            byte[] bytes = expand(seed, label + "/" + attempt, PRIME_BITS / 8);
            bytes[0] |= (byte) 0xc0; // top two bits set: p*q is exactly 2048 bits
            BigInteger candidate = new BigInteger(1, bytes).nextProbablePrime();
            // gcd(e, p-1) = 1 is required for d to exist; e is prime, so test divisibility.
            if (candidate.bitLength() == PRIME_BITS
                    && !candidate.subtract(BigInteger.ONE).mod(E).equals(BigInteger.ZERO)) {
                return candidate;
            }
        }
    }

    private static byte[] intBytes(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }
}
