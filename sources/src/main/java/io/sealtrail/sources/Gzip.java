package io.sealtrail.sources;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Reads exactly one gzip member (RFC 1952) and notices whatever follows it. Java's GZIPInputStream silently
 * reads concatenated members as one stream, so a file with data appended after its first member would be read
 * as longer than what was hashed or signed; CloudTrail's own validator rejects such files since 2026. Here the
 * member is read, its CRC-32 and length checked, and {@link #trailing()} says whether anything came after it.
 */
public final class Gzip extends InputStream {
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private final InputStream in;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] input = new byte[64 * 1024];
    private long written;
    private boolean finished;
    private boolean trailing;
    /** How many bytes of {@code input} the inflater was last given: its unread rest ends there. */
    private int inputEnd;

    private Gzip(InputStream in) throws IOException {
        this.in = in;
        header();
    }

    /** Whether the file starts with the gzip magic bytes. */
    public static boolean isGzip(Path file) throws IOException {
        try (InputStream s = Files.newInputStream(file)) {
            return s.read() == 0x1f && s.read() == 0x8b;
        }
    }

    public static Gzip open(InputStream in) throws IOException {
        return new Gzip(in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 64 * 1024));
    }

    /** The file decompressed when it is gzip, else as it is. */
    public static InputStream openMaybe(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            return isGzip(file) ? open(raw) : new BufferedInputStream(raw, 64 * 1024);
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }

    /** After the end was read: whether bytes followed the first member (another member or anything else). */
    public boolean trailing() {
        return trailing;
    }

    private void header() throws IOException {
        if (u8() != 0x1f || u8() != 0x8b) {
            throw new ZipException("not in gzip format");
        }
        if (u8() != 8) {
            throw new ZipException("unsupported gzip compression method");
        }
        int flags = u8();
        skipHeader(6); // mtime, xfl, os
        if ((flags & FEXTRA) != 0) {
            skipHeader(u8() | (u8() << 8));
        }
        if ((flags & FNAME) != 0) {
            while (u8() != 0) {
                // the original file name: not used
            }
        }
        if ((flags & FCOMMENT) != 0) {
            while (u8() != 0) {
                // a comment: not used
            }
        }
        if ((flags & FHCRC) != 0) {
            skipHeader(2);
        }
    }

    private int u8() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new java.io.EOFException("the gzip data ends early: the file is cut short");
        }
        return b;
    }

    private void skipHeader(long n) throws IOException {
        for (long i = 0; i < n; i++) {
            u8();
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (finished) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        try {
            while (true) {
                int n = inflater.inflate(b, off, len);
                if (n > 0) {
                    crc.update(b, off, n);
                    written += n;
                    return n;
                }
                if (inflater.finished()) {
                    trailer();
                    return -1;
                }
                if (inflater.needsDictionary()) {
                    throw new ZipException("the gzip data needs a preset dictionary");
                }
                if (inflater.needsInput()) {
                    int r = in.read(input, 0, input.length);
                    if (r < 0) {
                        throw new java.io.EOFException("the gzip data ends early: the file is cut short");
                    }
                    inflater.setInput(input, 0, r);
                    inputEnd = r;
                }
            }
        } catch (DataFormatException e) {
            throw new ZipException("the gzip data is corrupt: " + e.getMessage());
        }
    }

    private void trailer() throws IOException {
        finished = true;
        int left = inflater.getRemaining();
        byte[] rest = new byte[8];
        int have = Math.min(left, 8);
        System.arraycopy(input, inputEnd - left, rest, 0, have);
        for (int i = have; i < 8; i++) {
            rest[i] = (byte) u8();
        }
        long storedCrc = le32(rest, 0);
        long storedSize = le32(rest, 4);
        if (storedCrc != crc.getValue()) {
            throw new ZipException("the gzip data's CRC-32 does not match: the file is corrupt");
        }
        if (storedSize != (written & 0xffffffffL)) {
            throw new ZipException("the gzip data's length does not match: the file is corrupt");
        }
        // the unread input after the trailer, or a byte still in the file, is data after the member
        trailing = left > 8 || in.read() >= 0;
    }

    private static long le32(byte[] b, int off) {
        return (b[off] & 0xffL) | (b[off + 1] & 0xffL) << 8 | (b[off + 2] & 0xffL) << 16 | (b[off + 3] & 0xffL) << 24;
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }
}
