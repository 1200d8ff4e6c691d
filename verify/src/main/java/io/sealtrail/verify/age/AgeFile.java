package io.sealtrail.verify.age;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The age file format, version 1 (age-encryption.org/v1, C2SP age.md), for X25519 recipients: a text header
 * (one stanza per recipient wrapping a random 16-byte file key, authenticated by an HMAC under that key), then the
 * payload in ChaCha20-Poly1305 chunks of 64 KiB (the STREAM construction, the last chunk flagged), so a file is
 * written and read in one pass with constant memory, and any change, reordering or truncation fails to decrypt.
 * Stanzas of other kinds (scrypt, ssh, the reference tool's "grease") are skipped when reading.
 */
public final class AgeFile {
    static final String VERSION_LINE = "age-encryption.org/v1";
    static final int CHUNK = 64 * 1024;
    private static final int TAG = 16;
    private static final int MAX_HEADER = 1 << 20;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    private AgeFile() {
    }

    /** A file that cannot be decrypted; {@link #kind()} says why, the message says it for a person. */
    public static final class AgeException extends IOException {
        private static final long serialVersionUID = 1L;

        /** Why. */
        public enum Kind {
            /** The bytes are not an age file (or one of a version this reader does not know). */
            NOT_AGE,
            /** None of the identities given is a recipient of the file. */
            NO_IDENTITY,
            /** The header or the payload was changed after it was written. */
            ALTERED,
            /** The payload ends before its last chunk. */
            TRUNCATED
        }

        private final Kind kind;

        AgeException(Kind kind, String message) {
            super(message);
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }
    }

    /**
     * Starts an age file on {@code out}, encrypted to every recipient; the stream returned encrypts what is written
     * to it and must be closed to write the last chunk (closing {@code out} too).
     */
    public static OutputStream encrypt(OutputStream out, List<AgeKeys.Recipient> recipients) throws IOException {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("encrypt to at least one recipient");
        }
        byte[] fileKey = random(16);
        StringBuilder h = new StringBuilder(VERSION_LINE).append('\n');
        for (AgeKeys.Recipient r : recipients) {
            AgeKeys.Identity ephemeral = AgeKeys.Identity.generate();
            byte[] share = ephemeral.recipient().publicKey();
            byte[] shared = AgeKeys.x25519(ephemeral.secret(), r.publicKey());
            byte[] wrapKey = AgeKeys.hkdf(shared, concat(share, r.publicKey()), "age-encryption.org/v1/X25519");
            byte[] body = aeadUnchecked(Cipher.ENCRYPT_MODE, wrapKey, new byte[12], fileKey, fileKey.length);
            h.append("-> X25519 ").append(B64.encodeToString(share)).append('\n');
            appendBody(h, body);
        }
        h.append("---");
        byte[] mac = hmac(AgeKeys.hkdf(fileKey, new byte[0], "header"), h.toString().getBytes(StandardCharsets.US_ASCII));
        h.append(' ').append(B64.encodeToString(mac)).append('\n');
        out.write(h.toString().getBytes(StandardCharsets.US_ASCII));
        byte[] nonce = random(16);
        out.write(nonce);
        return new Encrypting(out, AgeKeys.hkdf(fileKey, nonce, "payload"));
    }

    /**
     * Opens an age file with the first identity that is one of its recipients; the stream returned decrypts as it is
     * read and throws an {@link AgeException} at the chunk that was altered or where it was cut short.
     *
     * @throws AgeException when the header is not age's, names none of the identities, or was altered
     */
    public static InputStream decrypt(InputStream in, List<AgeKeys.Identity> identities) throws IOException {
        Header header = Header.read(in);
        byte[] fileKey = null;
        int x25519 = 0;
        for (Stanza s : header.stanzas) {
            if (!s.type.equals("X25519")) {
                continue;
            }
            x25519++;
            if (s.args.size() != 1) {
                throw new AgeException(AgeException.Kind.NOT_AGE, "an X25519 stanza has " + s.args.size()
                        + " arguments, not 1");
            }
            byte[] share = decodeBase64(s.args.get(0), "an X25519 share");
            if (share.length != 32 || s.body.length != 32) {
                throw new AgeException(AgeException.Kind.NOT_AGE, "an X25519 stanza is malformed");
            }
            for (AgeKeys.Identity id : identities) {
                byte[] shared;
                try {
                    shared = AgeKeys.x25519(id.secret(), share);
                } catch (IllegalArgumentException smallOrder) {
                    throw new AgeException(AgeException.Kind.ALTERED, "an X25519 stanza holds a point no sender makes");
                }
                byte[] wrapKey = AgeKeys.hkdf(shared, concat(share, id.recipient().publicKey()),
                        "age-encryption.org/v1/X25519");
                try {
                    fileKey = aead(Cipher.DECRYPT_MODE, wrapKey, new byte[12], s.body);
                    break;
                } catch (AeadFailure notThisOne) {
                    // the stanza is for another recipient
                }
            }
            if (fileKey != null) {
                break;
            }
        }
        if (fileKey == null) {
            throw new AgeException(AgeException.Kind.NO_IDENTITY, "it is not encrypted to the key given (it has "
                    + x25519 + " X25519 recipient(s), and none is " + (identities.size() == 1 ? "that key"
                    : "any of the " + identities.size() + " keys") + ")");
        }
        byte[] expected = hmac(AgeKeys.hkdf(fileKey, new byte[0], "header"), header.macInput);
        if (!MessageDigest.isEqual(expected, header.mac)) {
            throw new AgeException(AgeException.Kind.ALTERED, "its header was changed after it was written (the"
                    + " header's MAC does not match)");
        }
        byte[] nonce = in.readNBytes(16);
        if (nonce.length != 16) {
            throw new AgeException(AgeException.Kind.TRUNCATED, "it ends inside the payload's nonce");
        }
        return new Decrypting(in, AgeKeys.hkdf(fileKey, nonce, "payload"));
    }

    private static void appendBody(StringBuilder h, byte[] body) {
        String b = B64.encodeToString(body);
        for (int i = 0; i <= b.length(); i += 64) {
            h.append(b, i, Math.min(b.length(), i + 64)).append('\n'); // a full last line is followed by an empty one
        }
    }

    private record Stanza(String type, List<String> args, byte[] body) {
    }

    /** The parsed header: its stanzas, the bytes its MAC covers, the MAC. */
    private record Header(List<Stanza> stanzas, byte[] macInput, byte[] mac) {
        static Header read(InputStream in) throws IOException {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            String first = line(in, all);
            if (!VERSION_LINE.equals(first)) {
                throw new AgeException(AgeException.Kind.NOT_AGE, first != null && first.startsWith("age-encryption.org/")
                        ? "it is an age file of a version this reader does not know (" + first + ")"
                        : "it is not an age-encrypted file (it does not start with " + VERSION_LINE + ")");
            }
            List<Stanza> stanzas = new ArrayList<>();
            String l = line(in, all);
            while (l != null && l.startsWith("-> ")) {
                String[] parts = l.substring(3).split(" ", -1);
                List<String> args = List.of(parts).subList(1, parts.length);
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                while (true) {
                    String b = line(in, all);
                    if (b == null) {
                        throw new AgeException(AgeException.Kind.TRUNCATED, "it ends inside its header");
                    }
                    if (b.length() > 64) {
                        throw new AgeException(AgeException.Kind.NOT_AGE, "a header line is longer than 64 characters");
                    }
                    body.writeBytes(decodeBase64(b, "a stanza body"));
                    if (b.length() < 64) {
                        break;
                    }
                }
                stanzas.add(new Stanza(parts[0], args, body.toByteArray()));
                l = line(in, all);
            }
            if (l == null || !l.startsWith("--- ")) {
                throw new AgeException(l == null ? AgeException.Kind.TRUNCATED : AgeException.Kind.NOT_AGE,
                        l == null ? "it ends inside its header" : "its header does not end with a MAC line");
            }
            byte[] bytes = all.toByteArray();
            int macStart = bytes.length - (l.length() + 1) + 3; // up to and including "---"
            byte[] mac = decodeBase64(l.substring(4), "the header's MAC");
            if (mac.length != 32) {
                throw new AgeException(AgeException.Kind.NOT_AGE, "the header's MAC is not 32 bytes");
            }
            return new Header(stanzas, java.util.Arrays.copyOf(bytes, macStart), mac);
        }

        /** One LF-terminated header line, or null at the end of the input; ASCII only. */
        private static String line(InputStream in, ByteArrayOutputStream all) throws IOException {
            StringBuilder b = new StringBuilder();
            while (true) {
                int c = in.read();
                if (c < 0) {
                    return null;
                }
                all.write(c);
                if (all.size() > MAX_HEADER) {
                    throw new AgeException(AgeException.Kind.NOT_AGE, "its header is longer than 1 MiB");
                }
                if (c == '\n') {
                    return b.toString();
                }
                if (c < 0x20 || c > 0x7e) {
                    throw new AgeException(AgeException.Kind.NOT_AGE, "it is not an age-encrypted file (its header"
                            + " holds a byte that is not printable ASCII)");
                }
                b.append((char) c);
            }
        }
    }

    private static byte[] decodeBase64(String s, String what) throws AgeException {
        if (s.endsWith("=") || s.contains("\r")) {
            throw new AgeException(AgeException.Kind.NOT_AGE, what + " is not unpadded base64");
        }
        try {
            return B64D.decode(s);
        } catch (IllegalArgumentException e) {
            throw new AgeException(AgeException.Kind.NOT_AGE, what + " is not base64");
        }
    }

    /** Writes 64 KiB chunks, each sealed with its counter; the last one (flagged) on close. */
    private static final class Encrypting extends OutputStream {
        private final OutputStream out;
        private final byte[] key;
        private final byte[] buf = new byte[CHUNK];
        private int filled;
        private long counter;
        private boolean closed;

        Encrypting(OutputStream out, byte[] key) {
            this.out = out;
            this.key = key;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (filled == CHUNK) {
                    // a full chunk is not the last until more follows: only close knows
                    emit(false);
                }
                int n = Math.min(len, CHUNK - filled);
                System.arraycopy(b, off, buf, filled, n);
                filled += n;
                off += n;
                len -= n;
            }
        }

        private void emit(boolean last) throws IOException {
            out.write(aeadUnchecked(Cipher.ENCRYPT_MODE, key, nonce(counter++, last), buf, filled));
            filled = 0;
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            emit(true);
            out.close();
        }
    }

    /** Reads chunk by chunk with one byte of look-ahead, to know which chunk is the last. */
    private static final class Decrypting extends InputStream {
        private final InputStream in;
        private final byte[] key;
        private final byte[] sealed = new byte[CHUNK + TAG];
        private byte[] plain = new byte[0];
        private int pos;
        private long counter;
        private boolean done;
        private int lookahead = -2; // -2: none read yet

        Decrypting(InputStream in, byte[] key) {
            this.in = in;
            this.key = key;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (pos == plain.length) {
                if (done) {
                    return -1;
                }
                next();
            }
            int n = Math.min(len, plain.length - pos);
            System.arraycopy(plain, pos, b, off, n);
            pos += n;
            return n;
        }

        private void next() throws IOException {
            int n = 0;
            if (lookahead >= 0) {
                sealed[n++] = (byte) lookahead;
            } else if (lookahead == -1) {
                throw new AgeException(AgeException.Kind.TRUNCATED, "it is cut short: the payload ends before its"
                        + " last chunk");
            }
            n += in.readNBytes(sealed, n, sealed.length - n);
            lookahead = n == sealed.length ? in.read() : -1;
            boolean last = lookahead == -1;
            if (n < TAG) {
                throw new AgeException(AgeException.Kind.TRUNCATED, "it is cut short in chunk " + counter);
            }
            byte[] chunk = java.util.Arrays.copyOf(sealed, n);
            try {
                plain = aead(Cipher.DECRYPT_MODE, key, nonce(counter, last), chunk);
            } catch (AeadFailure e) {
                if (last && n == sealed.length && opens(chunk)) {
                    throw new AgeException(AgeException.Kind.TRUNCATED, "it is cut short: it ends after chunk "
                            + counter + ", which is not the last");
                }
                throw new AgeException(AgeException.Kind.ALTERED, "it was altered or cut short: chunk " + counter
                        + " (at payload byte " + counter * (CHUNK + TAG) + ") does not decrypt");
            }
            if (last && plain.length == 0 && counter > 0) {
                throw new AgeException(AgeException.Kind.ALTERED, "its last chunk is empty, which no writer makes");
            }
            pos = 0;
            counter++;
            done = last;
        }

        /** Whether the chunk decrypts as one that is not the last. */
        private boolean opens(byte[] chunk) {
            try {
                aead(Cipher.DECRYPT_MODE, key, nonce(counter, false), chunk);
                return true;
            } catch (AeadFailure e) {
                return false;
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static byte[] nonce(long counter, boolean last) {
        byte[] n = new byte[12];
        for (int i = 0; i < 8; i++) {
            n[10 - i] = (byte) (counter >>> (8 * i));
        }
        n[11] = (byte) (last ? 1 : 0);
        return n;
    }

    /** An AEAD tag that does not verify: wrong key, or changed bytes. */
    private static final class AeadFailure extends Exception {
        private static final long serialVersionUID = 1L;
    }

    private static byte[] aead(int mode, byte[] key, byte[] nonce, byte[] data) throws AeadFailure {
        try {
            Cipher c = Cipher.getInstance("ChaCha20-Poly1305");
            c.init(mode, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
            return c.doFinal(data);
        } catch (AEADBadTagException e) {
            throw new AeadFailure();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no ChaCha20-Poly1305", e);
        }
    }

    private static byte[] aeadUnchecked(int mode, byte[] key, byte[] nonce, byte[] data, int len) {
        try {
            Cipher c = Cipher.getInstance("ChaCha20-Poly1305");
            c.init(mode, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
            return c.doFinal(data, 0, len);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 failed to encrypt", e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no HmacSHA256", e);
        }
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
