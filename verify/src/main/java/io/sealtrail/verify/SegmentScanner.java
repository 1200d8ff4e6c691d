package io.sealtrail.verify;

import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Location;
import io.sealtrail.verify.bundle.BundleSource;
import io.sealtrail.verify.bundle.Manifest;
import io.sealtrail.verify.event.EventLabels;
import io.sealtrail.verify.event.EventLineParser;
import io.sealtrail.verify.event.LineProblem;
import io.sealtrail.verify.merkle.Merkle;
import io.sealtrail.verify.merkle.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One pass over one event segment: the file's SHA-256, every line's RFC 6962 leaf hash, strict parsing,
 * and the checks that need only this segment (sequence, chain, time order, heartbeats). Checks across
 * segment boundaries are left to {@link ChainAssembler}, which receives the {@link SegmentResult}.
 * Segments are independent, so several scanners run in parallel; each instance serves one thread.
 */
final class SegmentScanner {
    /** Largest event line we parse (1 MiB). Longer lines are still hashed, streaming, and reported. */
    static final int MAX_LINE = 1 << 20;
    private static final int CHUNK = 1 << 20;
    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest fileDigest = Sha256.newDigest();
    private final MessageDigest leafDigest = Sha256.newDigest();
    private final EventLineParser parser = new EventLineParser();
    private final byte[] chunk = new byte[CHUNK];
    private byte[] lineBuf = new byte[4096];

    private FindingCollector findings; // the current segment's own
    private final Duration heartbeatLimit;
    private final Instant rangeFrom;
    private final Instant rangeTo;

    // per-segment state
    private String file;
    private SegmentResult r;
    private long lineNo;
    private int lineLen; // bytes of the current line seen so far
    private boolean lineInBuf;
    private byte[] lastLeaf;
    private long lastSeq;
    private Instant lastTime;
    private Instant lastHeartbeat;

    SegmentScanner(Duration heartbeatLimit, Instant rangeFrom, Instant rangeTo) {
        this.heartbeatLimit = heartbeatLimit;
        this.rangeFrom = rangeFrom;
        this.rangeTo = rangeTo;
    }

    SegmentResult scan(BundleSource source, Manifest.FileEntry entry) throws IOException {
        file = entry.path();
        r = new SegmentResult(entry);
        findings = r.findings;
        lineNo = 0;
        lineLen = 0;
        lineInBuf = false;
        lastLeaf = null;
        lastSeq = -1;
        lastTime = null;
        lastHeartbeat = null;
        fileDigest.reset();
        leafDigest.reset();
        long limit = entry.size() + 1; // reading one byte past the declared size proves a mismatch (and stops bombs)
        long total = 0;
        try (InputStream in = source.open(file)) {
            int n;
            while (total < limit && (n = in.read(chunk, 0, (int) Math.min(CHUNK, limit - total))) > 0) {
                fileDigest.update(chunk, 0, n);
                total += n;
                split(n);
            }
        }
        if (lineLen > 0 || lineInBuf) {
            findings.add(FindingCode.LINE_UNTERMINATED, Location.line(file, lineNo + 1, -1),
                    "the segment ends in the middle of a line (no final LF)");
            endLine(lineLen <= MAX_LINE ? lineBuf : null, 0, Math.min(lineLen, MAX_LINE)); // always in lineBuf here
        }
        r.bytes = total;
        r.fileSha256 = HEX.formatHex(fileDigest.digest());
        r.lastLeaf = lastLeaf;
        r.lastSeq = lastSeq;
        r.lastTime = lastTime;
        r.lastHeartbeat = lastHeartbeat;
        return r;
    }

    private void split(int n) {
        int pos = 0;
        while (pos < n) {
            int lf = indexOf(chunk, pos, n);
            int end = lf < 0 ? n : lf;
            if (lineLen == 0) {
                Merkle.startLeaf(leafDigest);
            }
            leafDigest.update(chunk, pos, end - pos);
            if (lf >= 0 && !lineInBuf) {
                lineLen += end - pos;
                endLine(chunk, pos, end - pos); // whole line inside this chunk: parse in place
            } else {
                appendToLineBuf(pos, end - pos);
                if (lf >= 0) {
                    endLine(lineLen <= MAX_LINE ? lineBuf : null, 0, Math.min(lineLen, MAX_LINE));
                }
            }
            pos = lf < 0 ? n : lf + 1;
        }
    }

    private void appendToLineBuf(int from, int len) {
        int have = Math.min(lineLen, MAX_LINE + 1);
        lineInBuf = true;
        lineLen += len;
        int keep = Math.min(len, MAX_LINE + 1 - have); // keep just enough to know the line is too long
        if (keep > 0) {
            if (have + keep > lineBuf.length) {
                lineBuf = Arrays.copyOf(lineBuf, Math.min(MAX_LINE + 1, Math.max(have + keep, lineBuf.length * 2)));
            }
            System.arraycopy(chunk, from, lineBuf, have, keep);
        }
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /** The next LF, eight bytes at a time (the classic has-zero-byte test on bytes XOR '\n'). */
    static int indexOf(byte[] b, int from, int to) {
        int i = from;
        while (i + 8 <= to) {
            long x = (long) LONGS.get(b, i) ^ 0x0a0a0a0a0a0a0a0aL;
            long t = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
            if (t != 0) {
                return i + (Long.numberOfTrailingZeros(t) >>> 3);
            }
            i += 8;
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** @param buf the line bytes, or null when the line is too long to parse */
    private void endLine(byte[] buf, int off, int len) {
        lineNo++;
        byte[] leaf = leafDigest.digest();
        int total = lineLen;
        lineLen = 0;
        lineInBuf = false;
        r.addLeaf(leaf);
        if (total > MAX_LINE || buf == null) {
            findings.add(FindingCode.LINE_TOO_LONG, Location.line(file, lineNo, -1),
                    "line of " + total + " bytes exceeds the " + MAX_LINE + "-byte event limit; hashed but not parsed");
            afterUnreadableLine(leaf);
            return;
        }
        parser.check(buf, off, len);
        long seq = parser.seq();
        Location at = Location.line(file, lineNo, seq);
        for (LineProblem p : parser.problems()) {
            findings.add(p.code(), at, p.message());
        }
        checkSeq(seq, at);
        checkChain(at);
        if (lineNo == 1) {
            r.firstIsSourceRecord = isSourceRecord(buf, off, len);
        }
        checkTime(parser.time(), parser.heartbeat(), at, buf, off, len);
        lastLeaf = leaf;
    }

    /** A line we could not read still has a leaf hash; the chain check resumes at the next line. */
    private void afterUnreadableLine(byte[] leaf) {
        if (lineNo == 1) {
            r.firstPrev = null;
            r.firstPrevUnknown = true;
        }
        lastLeaf = leaf;
        if (lastSeq >= 0) {
            lastSeq++; // assume the unreadable line held the expected seq, so one bad line is one finding
        }
    }

    private void checkSeq(long seq, Location at) {
        if (seq < 0) {
            if (lastSeq >= 0) {
                lastSeq++;
            }
            return;
        }
        if (lineNo == 1) {
            r.firstSeq = seq;
        } else if (lastSeq >= 0 && seq != lastSeq + 1) {
            if (seq > lastSeq + 1) {
                findings.add(io.sealtrail.model.Finding.mismatch(FindingCode.SEQ_GAP, at,
                        (seq - lastSeq - 1) + " event(s) missing: seq", Long.toString(lastSeq + 1), Long.toString(seq)));
            } else {
                findings.add(io.sealtrail.model.Finding.mismatch(FindingCode.SEQ_OUT_OF_ORDER, at,
                        "seq repeats or goes backwards: seq", Long.toString(lastSeq + 1), Long.toString(seq)));
            }
        }
        lastSeq = seq;
    }

    private void checkChain(Location at) {
        if (lineNo == 1) {
            r.firstPrev = parser.prevHex();
            r.firstPrevUnknown = r.firstPrev == null;
            return;
        }
        if (!parser.hasPrev() || lastLeaf == null) {
            return;
        }
        if (!parser.prevMatches(lastLeaf)) {
            r.substitutions.put((int) (lineNo - 2), HEX.parseHex(parser.prevHex()));
            findings.add(io.sealtrail.model.Finding.mismatch(FindingCode.CHAIN_BROKEN, at,
                    "prev does not match the entry hash of line " + (lineNo - 1) + " (the line before was altered,"
                            + " removed or inserted)", HEX.formatHex(lastLeaf), parser.prevHex()));
        }
    }

    /**
     * Whether the line is a record sealed from a source ({@code sealtrail seal}, docs/decisions/0018-seal.md): such
     * lines keep their source's order (a hoop.dev export lists sessions newest first), so their times going
     * backwards is the source's order, not a fault of the log. Read only when the time goes backwards or a segment
     * starts: the labels are not parsed on the hot path.
     */
    private static boolean isSourceRecord(byte[] buf, int off, int len) {
        return EventLabels.of(buf, off, len).containsKey(EventLabels.RECORD_FORMAT);
    }

    private void checkTime(Instant t, boolean heartbeat, Location at, byte[] buf, int off, int len) {
        if (t == null) {
            return;
        }
        if (r.firstTime == null) {
            r.firstTime = t;
        }
        if (lastTime != null && t.isBefore(lastTime)) {
            if (isSourceRecord(buf, off, len)) {
                if (r.sourceOrderBackwards++ == 0) {
                    r.firstSourceOrderAt = at;
                }
            } else {
                findings.add(io.sealtrail.model.Finding.mismatch(FindingCode.TIME_BACKWARDS, at,
                        "time goes backwards: at least", lastTime.toString(), t.toString()));
            }
        }
        if (rangeFrom != null && (t.isBefore(rangeFrom) || t.isAfter(rangeTo))) {
            findings.add(FindingCode.TIME_OUTSIDE_RANGE, at,
                    "time " + t + " lies outside the manifest's time range " + rangeFrom + " to " + rangeTo);
        }
        if (lastTime == null || t.isAfter(lastTime)) {
            lastTime = t;
        }
        if (heartbeat) {
            if (lastHeartbeat == null) {
                r.firstHeartbeat = t;
            } else {
                checkHeartbeatGap(lastHeartbeat, t, at);
            }
            lastHeartbeat = t;
        }
    }

    private void checkHeartbeatGap(Instant from, Instant to, Location at) {
        Duration gap = Duration.between(from, to); // not in nanoseconds: an altered time can be centuries away
        if (gap.compareTo(heartbeatLimit) > 0) {
            findings.add(new io.sealtrail.model.Finding(FindingCode.HEARTBEAT_GAP, FindingCode.HEARTBEAT_GAP.severity(),
                    "no heartbeat for " + ChainAssembler.human(gap) + " between " + from + " and " + to
                            + " (limit " + ChainAssembler.human(heartbeatLimit) + ")",
                    at, java.util.Map.of("from", from.toString(), "to", to.toString())));
        }
    }
}
