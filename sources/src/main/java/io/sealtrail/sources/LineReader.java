package io.sealtrail.sources;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a stream into lines as bytes, counting them, without decoding or holding more than one line. A line
 * longer than {@link #MAX_LINE} is cut there (its rest skipped) and said to be cut, so a hostile file cannot
 * make the reader hold it whole.
 */
public final class LineReader {
    public static final int MAX_LINE = 1 << 20;

    private final InputStream in;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int end;
    private byte[] line = new byte[1024];
    private int lineLength;
    private long number;
    private boolean cut;

    public LineReader(InputStream in) {
        this.in = in;
    }

    /** Advances to the next line; false at the end of the stream. A final line without LF counts. */
    public boolean next() throws IOException {
        lineLength = 0;
        cut = false;
        boolean any = false;
        while (true) {
            if (pos == end) {
                end = in.read(buf, 0, buf.length);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    if (any) {
                        number++;
                        trimCr();
                        return true;
                    }
                    return false;
                }
            }
            any = true;
            int start = pos;
            while (pos < end && buf[pos] != '\n') {
                pos++;
            }
            append(start, pos);
            if (pos < end) {
                pos++; // the LF
                number++;
                trimCr();
                return true;
            }
        }
    }

    private void append(int from, int to) {
        int n = to - from;
        int room = MAX_LINE - lineLength;
        if (n > room) {
            cut = true;
            n = room;
        }
        if (n <= 0) {
            return;
        }
        if (lineLength + n > line.length) {
            line = Arrays.copyOf(line, Math.min(MAX_LINE, Math.max(line.length * 2, lineLength + n)));
        }
        System.arraycopy(buf, from, line, lineLength, n);
        lineLength += n;
    }

    private void trimCr() {
        if (!cut && lineLength > 0 && line[lineLength - 1] == '\r') {
            lineLength--;
        }
    }

    /** The current line's bytes, without its LF (and a CR before it): a copy the caller may keep. */
    public byte[] bytes() {
        return Arrays.copyOf(line, lineLength);
    }

    /** The buffer holding the current line, valid until {@link #next}; its first {@link #length()} bytes. */
    public byte[] buffer() {
        return line;
    }

    public int length() {
        return lineLength;
    }

    /** 1-based number of the current line. */
    public long number() {
        return number;
    }

    /** Whether the current line was longer than {@link #MAX_LINE} and is cut. */
    public boolean cut() {
        return cut;
    }

    /** Whether the current line holds only white space. */
    public boolean blank() {
        for (int i = 0; i < lineLength; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
