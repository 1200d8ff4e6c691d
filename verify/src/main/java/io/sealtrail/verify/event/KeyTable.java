package io.sealtrail.verify.event;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The keys an object may have, looked up in one step: a key's length and first byte pick a slot (the
 * multiplier is chosen so no two keys of the table share one), and {@link JsonLineLexer#key} confirms the
 * candidate byte by byte. So a known key is matched in place, without a String or a scan of the table.
 */
final class KeyTable {
    private static final int SLOTS = 64;
    private final byte[][] names;
    private final String[] texts;
    private final byte[] slot = new byte[SLOTS]; // index + 1; 0 for none
    private final int multiplier;

    private KeyTable(byte[][] names) {
        this.names = names;
        this.texts = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            texts[i] = new String(names[i], StandardCharsets.US_ASCII);
        }
        int m = 1;
        while (!fill(m)) {
            m += 2;
            if (m > SLOTS * SLOTS) { // then two keys have the same length and first byte
                throw new IllegalArgumentException("keys that one slot each cannot tell apart: " + String.join(", ", texts));
            }
        }
        this.multiplier = m;
    }

    static KeyTable of(byte[]... names) {
        return new KeyTable(names);
    }

    static KeyTable of(String... names) {
        byte[][] bytes = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            bytes[i] = names[i].getBytes(StandardCharsets.US_ASCII);
        }
        return new KeyTable(bytes);
    }

    /** The only key that can be one of this length and first byte, or -1. */
    int indexOf(int length, byte first) {
        return slot[hash(multiplier, length, first)] - 1;
    }

    /** The key equal to {@code decoded} (a key that was written with escapes), or -1. */
    int indexOf(String decoded) {
        for (int i = 0; i < texts.length; i++) {
            if (decoded.equals(texts[i])) {
                return i;
            }
        }
        return -1;
    }

    byte[] name(int index) {
        return names[index];
    }

    private boolean fill(int m) {
        Arrays.fill(slot, (byte) 0);
        for (int i = 0; i < names.length; i++) {
            int h = hash(m, names[i].length, names[i][0]);
            if (slot[h] != 0) {
                return false;
            }
            slot[h] = (byte) (i + 1);
        }
        return true;
    }

    private static int hash(int m, int length, byte first) {
        return (length * m + first) & (SLOTS - 1);
    }
}
