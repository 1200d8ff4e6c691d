package io.sealtrail.sources;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Keeps the bytes a streaming JSON parser has read since a mark, so a record inside a large document (an
 * element of CloudTrail's {@code Records} array) can be kept exactly as written while only that record, and
 * the parser's read-ahead, is held in memory.
 */
public final class CapturingInputStream extends InputStream {
    private final InputStream in;
    private byte[] buf = new byte[128 * 1024];
    /** Offset in the stream of {@code buf[0]}. */
    private long base;
    private int length;

    public CapturingInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            ensure(1);
            buf[length++] = (byte) b;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            ensure(n);
            System.arraycopy(b, off, buf, length, n);
            length += n;
        }
        return n;
    }

    private void ensure(int n) {
        if (length + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + n));
        }
    }

    /** The bytes at stream offsets [from, to); both must lie after the last {@link #forgetBefore}. */
    public byte[] slice(long from, long to) {
        if (from < base || to > base + length || from > to) {
            throw new IllegalArgumentException("bytes " + from + ".." + to + " are not held (" + base + ".."
                    + (base + length) + ")");
        }
        return Arrays.copyOfRange(buf, (int) (from - base), (int) (to - base));
    }

    /** Stream offset of the first byte held. */
    public long base() {
        return base;
    }

    /** Stream offset just after the last byte read. */
    public long end() {
        return base + length;
    }

    /** Lets go of everything before stream offset {@code offset}. */
    public void forgetBefore(long offset) {
        int drop = (int) Math.min(length, Math.max(0, offset - base));
        if (drop == 0) {
            return;
        }
        System.arraycopy(buf, drop, buf, 0, length - drop);
        length -= drop;
        base += drop;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
