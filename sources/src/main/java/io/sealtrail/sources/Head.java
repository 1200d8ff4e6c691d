package io.sealtrail.sources;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The start of a file, decompressed, for telling formats apart by their content (never by the file name).
 * At most {@link #MAX_BYTES}; the last line may be cut.
 */
public final class Head {
    public static final int MAX_BYTES = 64 * 1024;

    private final byte[] bytes;
    private final int length;
    private final boolean complete;

    /**
     * @param complete whether {@code bytes} hold the whole file (then the last line is whole too)
     */
    public Head(byte[] bytes, int length, boolean complete) {
        this.bytes = bytes;
        this.length = length;
        this.complete = complete;
    }

    public static Head of(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return new Head(b, b.length, true);
    }

    public String text() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    /** The first non-blank lines, at most {@code max}, without a line the head cut short. */
    public List<String> lines(int max) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < length && out.size() < max; i++) {
            if (bytes[i] == '\n') {
                add(out, start, i);
                start = i + 1;
            }
        }
        if (complete && start < length && out.size() < max) {
            add(out, start, length);
        }
        return out;
    }

    private void add(List<String> out, int from, int to) {
        int end = to > from && bytes[to - 1] == '\r' ? to - 1 : to;
        String s = new String(bytes, from, end - from, StandardCharsets.UTF_8);
        if (!s.isBlank()) {
            out.add(s);
        }
    }

    /**
     * Whether the first non-blank line and at least nine in ten of the first {@code max} are lines of a format: how
     * line formats recognise themselves, tolerant of a stray line but never fooled by a first line of another kind.
     */
    public boolean mostlyLines(int max, java.util.function.Predicate<String> isLine) {
        List<String> lines = lines(max);
        if (lines.isEmpty() || !isLine.test(lines.get(0))) {
            return false;
        }
        long ok = lines.stream().filter(isLine).count();
        return ok * 10 >= lines.size() * 9L;
    }

    /** The first byte that is not white space, or -1. */
    public int firstNonBlank() {
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (b == (byte) 0xEF && i + 2 < length && bytes[i + 1] == (byte) 0xBB && bytes[i + 2] == (byte) 0xBF) {
                i += 2; // a UTF-8 byte order mark
                continue;
            }
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b & 0xff;
            }
        }
        return -1;
    }
}
