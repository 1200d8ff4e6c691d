package io.sealtrail.index;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteArrayDataOutput;
import org.apache.lucene.util.compress.LZ4;

/**
 * The raw lines of one index, in the order they were read (a document's {@link IndexSchema#LINE_ORD}), in
 * LZ4 blocks of whole lines beside the Lucene files (docs/index-schema.md, ADR 0008). Kept out of Lucene's
 * stored fields because those cost a sixth of an import: compressed at every flush, and written twice for the
 * index sort. Written once, by the thread that reads the evidence; read a block at a time.
 *
 * <p>{@value #DATA}: a header, then blocks of [int lines][int bytes][int compressed bytes][int CRC-32 of the rest of
 * the block][an int length per line, {@code -1 - length} for a line the index cut short][LZ4 data]. {@value #INDEX}:
 * a header, the number of lines and blocks, each block's first ordinal and offset, and where the data ends.
 * Integers are big-endian. A damaged block is an error when it is read, never a different line.
 */
final class LineStore {
    static final String DATA = "lines.lz4";
    static final String INDEX = "lines.idx";
    private static final byte[] DATA_MAGIC = "SEALTRAIL-LINES1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INDEX_MAGIC = "SEALTRAIL-LIDX-1".getBytes(StandardCharsets.US_ASCII);
    /** A block closes at this many bytes or {@link #BLOCK_LINES} lines: a lookup inflates at most ~64 KiB (or one long line). */
    private static final int BLOCK_BYTES = 60 << 10;
    private static final int BLOCK_LINES = 256;

    private LineStore() {
    }

    /** One line as stored: its bytes and whether they are only the start of a longer line. */
    record Line(byte[] bytes, boolean cut) {
    }

    /** Appends lines in ordinal order; {@link #close} writes the block index. Not thread-safe. */
    static final class Writer implements Closeable {
        private final Path dir;
        private final DataOutputStream data;
        private final LZ4.FastCompressionHashTable table = new LZ4.FastCompressionHashTable();
        private byte[] block = new byte[BLOCK_BYTES + (64 << 10)];
        private int blockBytes;
        private final int[] lengths = new int[BLOCK_LINES];
        private int blockLines;
        private byte[] compressed = new byte[0];
        private final ByteBuffer lengthBytes = ByteBuffer.allocate(4 * BLOCK_LINES);
        private final java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        private long offset;
        private long lines;
        private long[] firstOrds = new long[256];
        private long[] offsets = new long[256];
        private int blocks;

        Writer(Path dir) throws IOException {
            this.dir = dir;
            data = new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(dir.resolve(DATA), StandardOpenOption.CREATE_NEW), 1 << 16));
            data.write(DATA_MAGIC);
            offset = DATA_MAGIC.length;
        }

        void add(byte[] buf, int off, int len, boolean cut) throws IOException {
            if (blockLines > 0 && (blockBytes + len > BLOCK_BYTES || blockLines == BLOCK_LINES)) {
                flushBlock();
            }
            if (blockBytes + len > block.length) {
                block = Arrays.copyOf(block, blockBytes + len);
            }
            System.arraycopy(buf, off, block, blockBytes, len);
            blockBytes += len;
            lengths[blockLines++] = cut ? -1 - len : len;
            lines++;
        }

        private void flushBlock() throws IOException {
            int bound = blockBytes + blockBytes / 255 + 16; // LZ4's worst case
            if (compressed.length < bound) {
                compressed = new byte[bound];
            }
            ByteArrayDataOutput out = new ByteArrayDataOutput(compressed);
            LZ4.compress(block, 0, blockBytes, out, table);
            int size = out.getPosition();
            if (blocks == firstOrds.length) {
                firstOrds = Arrays.copyOf(firstOrds, blocks * 2);
                offsets = Arrays.copyOf(offsets, blocks * 2);
            }
            firstOrds[blocks] = lines - blockLines;
            offsets[blocks] = offset;
            blocks++;
            lengthBytes.clear();
            for (int i = 0; i < blockLines; i++) {
                lengthBytes.putInt(lengths[i]);
            }
            crc.reset();
            crc.update(lengthBytes.array(), 0, lengthBytes.position());
            crc.update(compressed, 0, size);
            data.writeInt(blockLines);
            data.writeInt(blockBytes);
            data.writeInt(size);
            data.writeInt((int) crc.getValue());
            data.write(lengthBytes.array(), 0, lengthBytes.position());
            data.write(compressed, 0, size);
            offset += 16L + 4L * blockLines + size;
            blockLines = 0;
            blockBytes = 0;
        }

        @Override
        public void close() throws IOException {
            try (data) {
                if (blockLines > 0) {
                    flushBlock();
                }
            }
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(32 + 16 * blocks);
            DataOutputStream idx = new DataOutputStream(bytes);
            idx.write(INDEX_MAGIC);
            idx.writeLong(lines);
            idx.writeInt(blocks);
            for (int i = 0; i < blocks; i++) {
                idx.writeLong(firstOrds[i]);
                idx.writeLong(offsets[i]);
            }
            idx.writeLong(offset); // where the data ends: the last block's extent
            java.util.zip.CRC32 sum = new java.util.zip.CRC32();
            sum.update(bytes.toByteArray());
            idx.writeInt((int) sum.getValue()); // a changed ordinal would map lines to the wrong block
            Files.write(dir.resolve(INDEX), bytes.toByteArray(), StandardOpenOption.CREATE_NEW);
        }
    }

    /** Reads lines by ordinal; keeps the last block inflated. Thread-safe. */
    static final class Reader implements Closeable {
        private final Path data;
        private final FileChannel channel;
        private final long lines;
        private final long[] firstOrds;
        private final long[] offsets;
        private int cachedBlock = -1;
        private int[] starts;
        private int[] lengths;
        private byte[] bytes;

        private Reader(Path data, FileChannel channel, long lines, long[] firstOrds, long[] offsets) {
            this.data = data;
            this.channel = channel;
            this.lines = lines;
            this.firstOrds = firstOrds;
            this.offsets = offsets;
        }

        static Reader open(Path dir) throws IOException {
            Path idxFile = dir.resolve(INDEX);
            long[] firstOrds;
            long[] offsets;
            long lines;
            long fileSize = Files.size(idxFile);
            if (fileSize > Integer.MAX_VALUE) {
                throw new IOException(idxFile + ": corrupt (" + fileSize + " bytes)");
            }
            byte[] all = Files.readAllBytes(idxFile);
            if (all.length < INDEX_MAGIC.length || !Arrays.equals(Arrays.copyOf(all, INDEX_MAGIC.length), INDEX_MAGIC)) {
                throw new IOException(idxFile + ": not a Sealtrail line index");
            }
            java.util.zip.CRC32 sum = new java.util.zip.CRC32();
            sum.update(all, 0, Math.max(0, all.length - 4));
            if (all.length < INDEX_MAGIC.length + 24
                    || (int) sum.getValue() != ByteBuffer.wrap(all, all.length - 4, 4).getInt()) {
                throw new IOException(idxFile + ": damaged or cut short (checksum)");
            }
            try (InputStream in = new java.io.ByteArrayInputStream(all, INDEX_MAGIC.length, all.length - INDEX_MAGIC.length);
                 DataInputStream idx = new DataInputStream(in)) {
                lines = idx.readLong();
                int blocks = idx.readInt();
                if (lines < 0 || blocks < 0 || blocks > lines || INDEX_MAGIC.length + 24L + 16L * blocks != all.length) {
                    throw new IOException(idxFile + ": corrupt (" + lines + " lines in " + blocks + " blocks)");
                }
                firstOrds = new long[blocks];
                offsets = new long[blocks + 1];
                for (int i = 0; i < blocks; i++) {
                    firstOrds[i] = idx.readLong();
                    offsets[i] = idx.readLong();
                }
                offsets[blocks] = idx.readLong();
                for (int i = 0; i < blocks; i++) {
                    if (i == 0 ? firstOrds[0] != 0 : firstOrds[i] <= firstOrds[i - 1] || offsets[i] <= offsets[i - 1]) {
                        throw new IOException(idxFile + ": corrupt (block " + i + " out of order)");
                    }
                }
            } catch (java.io.EOFException e) {
                throw new IOException(idxFile + ": cut short", e);
            }
            Path dataFile = dir.resolve(DATA);
            FileChannel ch = FileChannel.open(dataFile, StandardOpenOption.READ);
            return new Reader(dataFile, ch, lines, firstOrds, offsets);
        }

        long lines() {
            return lines;
        }

        synchronized Line line(long ord) throws IOException {
            if (ord < 0 || ord >= lines) {
                throw new IOException(data + ": no line " + ord + " (it holds " + lines + ")");
            }
            int b = Arrays.binarySearch(firstOrds, ord);
            if (b < 0) {
                b = -b - 2;
            }
            if (b != cachedBlock) {
                load(b);
            }
            int i = (int) (ord - firstOrds[b]);
            if (i >= lengths.length) {
                throw new IOException(data + ": block " + b + " lacks line " + ord);
            }
            int len = lengths[i];
            boolean cut = len < 0;
            int n = cut ? -1 - len : len;
            return new Line(Arrays.copyOfRange(bytes, starts[i], starts[i] + n), cut);
        }

        private void load(int b) throws IOException {
            long at = offsets[b];
            long end = offsets[b + 1];
            if (at < DATA_MAGIC.length || end <= at || end - at > Integer.MAX_VALUE || end > channel.size()) {
                throw new IOException(data + ": corrupt block " + b);
            }
            ByteBuffer buf = ByteBuffer.allocate((int) (end - at));
            while (buf.hasRemaining()) {
                if (channel.read(buf, at + buf.position()) < 0) {
                    throw new IOException(data + ": cut short in block " + b);
                }
            }
            buf.flip();
            int count = buf.getInt();
            int size = buf.getInt();
            int compressedSize = buf.getInt();
            int expectedCrc = buf.getInt();
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(buf.array(), 16, buf.limit() - 16);
            if ((int) crc.getValue() != expectedCrc) {
                throw new IOException(data + ": corrupt block " + b + " (checksum)");
            }
            long expected = (b + 1 < firstOrds.length ? firstOrds[b + 1] : lines) - firstOrds[b];
            if (count != expected || size < 0 || compressedSize < 0 || 16L + 4L * count + compressedSize != end - at
                    || size > SegmentLines.MAX_LINE + (long) BLOCK_BYTES + (64 << 10)) {
                throw new IOException(data + ": corrupt block " + b);
            }
            int[] lens = new int[count];
            int[] st = new int[count];
            long total = 0;
            for (int i = 0; i < count; i++) {
                lens[i] = buf.getInt();
                st[i] = (int) total;
                total += lens[i] < 0 ? -1L - lens[i] : lens[i];
            }
            if (total != size) {
                throw new IOException(data + ": corrupt block " + b + " (line lengths do not add up)");
            }
            byte[] out = new byte[size];
            try {
                LZ4.decompress(new ByteArrayDataInput(buf.array(), buf.position(), compressedSize), size, out, 0);
            } catch (RuntimeException e) { // a corrupt block can send LZ4 out of bounds
                throw new IOException(data + ": corrupt block " + b, e);
            }
            cachedBlock = b;
            starts = st;
            lengths = lens;
            bytes = out;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** The line store of each open segment, by its core cache key; entries leave when the segment closes. */
    private static final java.util.Map<Object, Reader> OPEN = new java.util.concurrent.ConcurrentHashMap<>();

    /** Opens the line store of the index in {@code dir} for the segments of {@code reader}, until it closes. */
    static void attach(org.apache.lucene.index.DirectoryReader reader, Path dir) throws IOException {
        Reader store = Reader.open(dir);
        java.util.List<Object> keys = new java.util.ArrayList<>();
        for (org.apache.lucene.index.LeafReaderContext c : reader.leaves()) {
            Object key = c.reader().getCoreCacheHelper().getKey();
            keys.add(key);
            OPEN.put(key, store);
        }
        reader.getReaderCacheHelper().addClosedListener(k -> {
            keys.forEach(OPEN::remove);
            store.close();
        });
    }

    /** The line store of the index that holds this segment. */
    static Reader of(org.apache.lucene.index.LeafReader segment) throws IOException {
        org.apache.lucene.index.IndexReader.CacheHelper helper = segment.getCoreCacheHelper();
        Reader r = helper == null ? null : OPEN.get(helper.getKey());
        if (r == null) {
            throw new IOException("the raw lines of this index are not open (it was not opened as a Sealtrail index)");
        }
        return r;
    }
}
