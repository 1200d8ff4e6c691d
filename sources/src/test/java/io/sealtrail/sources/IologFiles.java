package io.sealtrail.sources;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A sudo I/O log folder in one byte array, for fuzzing: {@code ==> NAME <==} lines (as {@code head} prints several
 * files), each followed by that file's bytes and, before the next such line, a newline that is not the file's. Only
 * the names an I/O log holds are kept, so a mutated input never writes outside the folder.
 */
final class IologFiles {
    private static final Set<String> NAMES = Set.of("log", "log.json", "timing", "stdin", "stdout", "stderr",
            "ttyin", "ttyout");
    private static final byte[] START = "==> ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = " <==\n".getBytes(StandardCharsets.US_ASCII);

    private IologFiles() {
    }

    static Map<String, byte[]> split(byte[] in) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        String name = null;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int i = 0;
        while (i < in.length) {
            int lineEnd = indexOf(in, (byte) '\n', i);
            int next = lineEnd < 0 ? in.length : lineEnd + 1;
            String header = header(in, i, next);
            if (header != null) {
                keep(files, name, body, i > 0);
                name = header;
                body.reset();
            } else {
                body.write(in, i, next - i);
            }
            i = next;
        }
        keep(files, name, body, false);
        return files;
    }

    private static void keep(Map<String, byte[]> files, String name, ByteArrayOutputStream body, boolean separated) {
        if (name != null && NAMES.contains(name)) {
            byte[] b = body.toByteArray();
            files.put(name, separated && b.length > 0 ? Arrays.copyOf(b, b.length - 1) : b);
        }
    }

    private static String header(byte[] in, int from, int to) {
        int len = to - from;
        if (len <= START.length + END.length || !Arrays.equals(in, from, from + START.length, START, 0, START.length)
                || !Arrays.equals(in, to - END.length, to, END, 0, END.length)) {
            return null;
        }
        return new String(in, from + START.length, len - START.length - END.length, StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] b, byte c, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
