package io.sealtrail.verify.age;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * Bech32 (BIP 173) as age writes its keys: {@code age1…} recipients and {@code AGE-SECRET-KEY-1…} identities, the
 * checksum constant 1 (not Bech32m), and no 90-character limit (age's recipients are longer than BIP 173 allows).
 */
final class Bech32 {
    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};

    private Bech32() {
    }

    /** A human-readable part and the bytes it names. */
    record Decoded(String hrp, byte[] data) {
    }

    static String encode(String hrp, byte[] data) {
        String lower = hrp.toLowerCase(Locale.ROOT);
        byte[] values = convertBits(data, 8, 5, true);
        byte[] checksum = checksum(lower, values);
        StringBuilder b = new StringBuilder(lower).append('1');
        for (byte v : values) {
            b.append(CHARSET.charAt(v));
        }
        for (byte v : checksum) {
            b.append(CHARSET.charAt(v));
        }
        return b.toString();
    }

    /** @throws IllegalArgumentException with the reason, for text that is not Bech32 or whose checksum fails */
    static Decoded decode(String text) {
        boolean lower = !text.equals(text.toUpperCase(Locale.ROOT));
        boolean upper = !text.equals(text.toLowerCase(Locale.ROOT));
        if (lower && upper) {
            throw new IllegalArgumentException("mixes upper and lower case");
        }
        String s = text.toLowerCase(Locale.ROOT);
        int sep = s.lastIndexOf('1');
        if (sep < 1 || sep + 7 > s.length()) {
            throw new IllegalArgumentException("has no Bech32 separator and checksum");
        }
        String hrp = s.substring(0, sep);
        for (char c : hrp.toCharArray()) {
            if (c < 33 || c > 126) {
                throw new IllegalArgumentException("has a character a Bech32 prefix may not hold");
            }
        }
        byte[] values = new byte[s.length() - sep - 1];
        for (int i = 0; i < values.length; i++) {
            int v = CHARSET.indexOf(s.charAt(sep + 1 + i));
            if (v < 0) {
                throw new IllegalArgumentException("has '" + s.charAt(sep + 1 + i) + "', which Bech32 does not use");
            }
            values[i] = (byte) v;
        }
        if (polymod(hrp, values) != 1) {
            throw new IllegalArgumentException("has a wrong checksum (a character was changed or lost)");
        }
        byte[] payload = java.util.Arrays.copyOf(values, values.length - 6);
        return new Decoded(hrp, convertBits(payload, 5, 8, false));
    }

    private static byte[] checksum(String hrp, byte[] values) {
        byte[] padded = java.util.Arrays.copyOf(values, values.length + 6);
        int mod = polymod(hrp, padded) ^ 1;
        byte[] out = new byte[6];
        for (int i = 0; i < 6; i++) {
            out[i] = (byte) ((mod >>> (5 * (5 - i))) & 31);
        }
        return out;
    }

    private static int polymod(String hrp, byte[] values) {
        int chk = 1;
        for (int i = 0; i < hrp.length(); i++) {
            chk = step(chk, hrp.charAt(i) >>> 5);
        }
        chk = step(chk, 0);
        for (int i = 0; i < hrp.length(); i++) {
            chk = step(chk, hrp.charAt(i) & 31);
        }
        for (byte v : values) {
            chk = step(chk, v);
        }
        return chk;
    }

    private static int step(int chk, int value) {
        int top = chk >>> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ value;
        for (int i = 0; i < 5; i++) {
            if (((top >>> i) & 1) != 0) {
                chk ^= GENERATOR[i];
            }
        }
        return chk;
    }

    private static byte[] convertBits(byte[] in, int from, int to, boolean pad) {
        int acc = 0;
        int bits = 0;
        int max = (1 << to) - 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : in) {
            acc = (acc << from) | (b & 0xff);
            bits += from;
            while (bits >= to) {
                bits -= to;
                out.write((acc >>> bits) & max);
            }
        }
        if (pad) {
            if (bits > 0) {
                out.write((acc << (to - bits)) & max);
            }
        } else if (bits >= from || ((acc << (to - bits)) & max) != 0) {
            throw new IllegalArgumentException("has padding bits that are not zero");
        }
        return out.toByteArray();
    }
}
