package io.sealtrail.index;

import io.sealtrail.verify.merkle.Merkle;
import io.sealtrail.verify.merkle.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Splits one event segment into LF-terminated lines, streaming, and hands them on in batches that own
 * their bytes (each batch gets a fresh buffer, so a worker can index it while the next one is read).
 * Lines longer than {@link #MAX_LINE} keep only their first bytes, but their entry hash is computed over
 * the whole line as it streams by.
 */
final class SegmentLines {
    /** The verifier's own limit for an event line; longer lines are a LINE_TOO_LONG finding. */
    static final int MAX_LINE = 1 << 20;
    /**
     * Bytes read per batch. Below half a G1 region of a small heap (1 MiB regions at -Xmx512m), so a batch
     * buffer is an ordinary young object rather than a humongous one that goes straight to the old generation.
     */
    private static final int CHUNK = 256 << 10;
    private static final int INITIAL_LINES = 4096;

    /** Lines {@code [0, count)} of {@code data}; {@code hashes[i]} is set only for an over-long line. */
    record Batch(String file, long firstLine, long firstLeaf, byte[] data, int[] starts, int[] lengths, int count,
                 byte[][] hashes) {
    }

    @FunctionalInterface
    interface Sink {
        void accept(Batch batch) throws IOException, InterruptedException, IndexException;
    }

    private final String file;
    private final long firstLeaf;
    private final Sink sink;
    private long lines; // lines handed on so far
    private byte[] buf = new byte[CHUNK];
    private int filled;
    private int lineStart;
    private int[] starts = new int[INITIAL_LINES];
    private int[] lengths = new int[INITIAL_LINES];
    private int count;

    private SegmentLines(String file, long firstLeaf, Sink sink) {
        this.file = file;
        this.firstLeaf = firstLeaf;
        this.sink = sink;
    }

    /** Reads the segment to its end. @return the number of lines */
    static long split(InputStream in, String file, long firstLeaf, Sink sink) throws IOException, InterruptedException, IndexException {
        SegmentLines s = new SegmentLines(file, firstLeaf, sink);
        s.run(in);
        return s.lines;
    }

    private void run(InputStream in) throws IOException, InterruptedException, IndexException {
        while (true) {
            if (filled == buf.length) {
                makeRoom(in);
            }
            int n = in.read(buf, filled, buf.length - filled);
            if (n < 0) {
                break;
            }
            int from = filled;
            filled += n;
            scan(from);
        }
        if (filled > lineStart) {
            add(lineStart, filled - lineStart); // unterminated last line: the verifier reports it, we still show it
            lineStart = filled;
        }
        flush();
    }

    private void scan(int from) {
        for (int i = from; i < filled; i++) {
            if (buf[i] == '\n') {
                add(lineStart, i - lineStart);
                lineStart = i + 1;
            }
        }
    }

    private void add(int start, int len) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            lengths = Arrays.copyOf(lengths, count * 2);
        }
        starts[count] = start;
        lengths[count] = len;
        count++;
    }

    /** The buffer is full: hand on the complete lines, or grow for a long line, or stream an over-long one. */
    private void makeRoom(InputStream in) throws IOException, InterruptedException, IndexException {
        if (count > 0) {
            flush();
            return;
        }
        if (buf.length < MAX_LINE) {
            buf = Arrays.copyOf(buf, Math.min(MAX_LINE, buf.length * 2));
            return;
        }
        overLong(in);
    }

    /** A line of more than MAX_LINE bytes: keep its start, hash all of it, carry what follows its LF. */
    private void overLong(InputStream in) throws IOException, InterruptedException, IndexException {
        MessageDigest md = Sha256.newDigest();
        Merkle.startLeaf(md);
        md.update(buf, 0, filled);
        byte[] kept = Arrays.copyOf(buf, filled);
        byte[] chunk = new byte[CHUNK];
        int rest = 0;
        int restLen = 0;
        int n;
        while ((n = in.read(chunk)) >= 0) {
            int lf = -1;
            for (int i = 0; i < n && lf < 0; i++) {
                lf = chunk[i] == '\n' ? i : -1;
            }
            md.update(chunk, 0, lf < 0 ? n : lf);
            if (lf >= 0) {
                rest = lf + 1;
                restLen = n - rest;
                break;
            }
        }
        sink.accept(new Batch(file, lines + 1, firstLeaf + lines, kept, new int[] {0}, new int[] {kept.length}, 1,
                new byte[][] {md.digest()}));
        lines++;
        buf = new byte[CHUNK];
        System.arraycopy(chunk, rest, buf, 0, restLen);
        filled = restLen;
        lineStart = 0;
        scan(0);
    }

    /** Hands on the complete lines with the current buffer; the partial line moves to a fresh one. */
    private void flush() throws IOException, InterruptedException, IndexException {
        if (count == 0) {
            return;
        }
        byte[] old = buf;
        int carry = filled - lineStart;
        buf = new byte[Math.max(CHUNK, carry * 2)];
        System.arraycopy(old, lineStart, buf, 0, carry);
        filled = carry;
        lineStart = 0;
        sink.accept(new Batch(file, lines + 1, firstLeaf + lines, old, starts, lengths, count, null));
        lines += count;
        starts = new int[INITIAL_LINES];
        lengths = new int[INITIAL_LINES];
        count = 0;
    }
}
