package io.sealtrail.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Location;
import io.sealtrail.verify.bundle.BundleSource;
import io.sealtrail.verify.bundle.Manifest;
import io.sealtrail.verify.merkle.Merkle;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One segment scanned on its own, from bytes built here: what it hands to the assembler (leaf hashes,
 * boundary values) and the findings that need only this segment, at the line where they happen. The
 * bundle-level tests reach the same code through a whole verification; these pin what those cannot see
 * (the boundary values, lines across read chunks, a scanner reused for the next segment).
 */
class SegmentScannerTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String FILE = "events/000000000000.jsonl";
    private static final String ZERO = "0".repeat(64);
    private static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");
    private static final Duration NO_LIMIT = Duration.ofSeconds(Long.MAX_VALUE);

    /** Builds a segment line by line; each line's prev is the entry hash of the line before unless set. */
    private static final class Segment {
        final List<byte[]> lines = new ArrayList<>();
        String prev = ZERO;

        Segment event(long seq, Instant time) {
            return add("{\"seq\":" + seq + ",\"time\":\"" + time + "\",\"prev\":\"" + prev
                    + "\",\"event\":{\"action\":\"command\",\"outcome\":\"success\"}}");
        }

        Segment heartbeat(long seq, Instant time) {
            return add("{\"seq\":" + seq + ",\"time\":\"" + time + "\",\"prev\":\"" + prev
                    + "\",\"event\":{\"action\":\"log.heartbeat\",\"outcome\":\"success\"}}");
        }

        /** An event whose command pads the line to exactly {@code length} bytes. */
        Segment padded(long seq, Instant time, int length) {
            String head = "{\"seq\":" + seq + ",\"time\":\"" + time + "\",\"prev\":\"" + prev
                    + "\",\"event\":{\"action\":\"command\",\"outcome\":\"success\"},\"command\":\"";
            return add(head + "x".repeat(length - head.length() - 2) + "\"}");
        }

        Segment add(String line) {
            return addBytes(line.getBytes(StandardCharsets.UTF_8));
        }

        Segment addBytes(byte[] line) {
            lines.add(line);
            prev = HEX.formatHex(Merkle.leafHash(line));
            return this;
        }

        byte[] leaf(int lineNo) {
            return Merkle.leafHash(lines.get(lineNo - 1));
        }

        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte[] l : lines) {
                out.writeBytes(l);
                out.write('\n');
            }
            return out.toByteArray();
        }
    }

    /** A bundle of one file, read from memory, in reads of at most {@code readSize} bytes. */
    private static class OneFile implements BundleSource {
        private final byte[] content;
        private final int readSize;

        OneFile(byte[] content, int readSize) {
            this.content = content;
            this.readSize = readSize;
        }

        @Override
        public String displayName() {
            return "memory";
        }

        @Override
        public List<String> paths() {
            return List.of(FILE);
        }

        @Override
        public boolean exists(String path) {
            return path.equals(FILE);
        }

        @Override
        public long declaredSize(String path) {
            return content.length;
        }

        @Override
        public InputStream open(String path) {
            return new ByteArrayInputStream(content) {
                @Override
                public synchronized int read(byte[] b, int off, int len) {
                    return super.read(b, off, Math.min(len, readSize));
                }
            };
        }

        @Override
        public void close() {
        }
    }

    private static SegmentResult scan(byte[] content) throws IOException {
        return scan(new SegmentScanner(NO_LIMIT, null, null), content, content.length);
    }

    private static SegmentResult scan(SegmentScanner scanner, byte[] content, long declaredSize) throws IOException {
        return scanner.scan(new OneFile(content, Integer.MAX_VALUE), entry(declaredSize));
    }

    private static Manifest.FileEntry entry(long size) {
        return new Manifest.FileEntry(FILE, size, ZERO, 0, 3);
    }

    private static List<Finding> findings(SegmentResult r) {
        return r.findings.collected().kept();
    }

    private static Finding only(SegmentResult r, FindingCode code) {
        List<Finding> all = findings(r);
        assertThat(all).as("findings").extracting(Finding::code).containsExactly(code);
        return all.get(0);
    }

    private static List<byte[]> leaves(SegmentResult r) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < r.count; i++) {
            out.add(r.leaf(i));
        }
        return out;
    }

    private static String sha256(byte[] b) throws Exception {
        return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void anIntactSegmentHandsOverItsLeavesAndBoundaryValuesWithoutFindings() throws Exception {
        Segment s = new Segment().event(0, T0).heartbeat(1, T0.plusSeconds(30)).event(2, T0.plusSeconds(40))
                .heartbeat(3, T0.plusSeconds(60)).event(4, T0.plusSeconds(70));
        byte[] content = s.bytes();

        SegmentResult r = scan(content);

        assertThat(findings(r)).isEmpty();
        assertThat(r.count).isEqualTo(5);
        assertThat(leaves(r)).containsExactly(s.leaf(1), s.leaf(2), s.leaf(3), s.leaf(4), s.leaf(5));
        assertThat(r.bytes).isEqualTo(content.length);
        assertThat(r.fileSha256).isEqualTo(sha256(content));
        assertThat(r.firstSeq).isZero();
        assertThat(r.lastSeq).isEqualTo(4);
        assertThat(r.firstPrev).isEqualTo(ZERO);
        assertThat(r.firstPrevUnknown).isFalse();
        assertThat(r.lastLeaf).isEqualTo(s.leaf(5));
        assertThat(r.firstTime).isEqualTo(T0);
        assertThat(r.lastTime).isEqualTo(T0.plusSeconds(70));
        assertThat(r.firstHeartbeat).isEqualTo(T0.plusSeconds(30));
        assertThat(r.lastHeartbeat).isEqualTo(T0.plusSeconds(60));
        assertThat(r.substitutions).isEmpty();
    }

    @Test
    void aSegmentThatStartsLaterInTheLogReportsItsOwnFirstSeqAndPrev() throws Exception {
        Segment s = new Segment();
        s.prev = "ab".repeat(32);
        s.event(7, T0).event(8, T0.plusSeconds(1));

        SegmentResult r = scan(s.bytes());

        assertThat(findings(r)).isEmpty();
        assertThat(r.firstSeq).isEqualTo(7);
        assertThat(r.lastSeq).isEqualTo(8);
        assertThat(r.firstPrev).isEqualTo("ab".repeat(32));
        assertThat(r.firstHeartbeat).isNull();
        assertThat(r.lastHeartbeat).isNull();
    }

    @Test
    void aScannerReusedForTheNextSegmentStartsAfresh() throws Exception {
        SegmentScanner scanner = new SegmentScanner(NO_LIMIT, null, null);
        Segment first = new Segment().event(0, T0.plusSeconds(100)).heartbeat(1, T0.plusSeconds(110));
        byte[] unterminated = java.util.Arrays.copyOf(first.bytes(), first.bytes().length - 1);
        scan(scanner, unterminated, unterminated.length);
        // starts again at seq 0, earlier in time, with another prev: none of it continues the first scan
        Segment second = new Segment();
        second.prev = "cd".repeat(32);
        second.event(0, T0).event(1, T0.plusSeconds(1));
        byte[] content = second.bytes();

        SegmentResult r = scan(scanner, content, content.length);

        assertThat(findings(r)).isEmpty();
        assertThat(r.count).isEqualTo(2);
        assertThat(leaves(r)).containsExactly(second.leaf(1), second.leaf(2));
        assertThat(r.fileSha256).isEqualTo(sha256(content));
        assertThat(r.firstSeq).isZero();
        assertThat(r.firstPrev).isEqualTo("cd".repeat(32));
        assertThat(r.firstTime).isEqualTo(T0);
        assertThat(r.lastTime).isEqualTo(T0.plusSeconds(1));
        assertThat(r.firstHeartbeat).isNull();
        assertThat(r.lastHeartbeat).isNull();
    }

    @Test
    void aSkippedSeqIsAGapNamingHowManyAreMissing() throws Exception {
        SegmentResult r = scan(new Segment().event(0, T0).event(1, T0).event(4, T0).event(5, T0).bytes());

        Finding f = only(r, FindingCode.SEQ_GAP);
        assertThat(f.location()).isEqualTo(Location.line(FILE, 3, 4));
        assertThat(f.message()).startsWith("2 event(s) missing: seq");
        assertThat(f.details()).containsEntry("expected", "2").containsEntry("found", "4");
        assertThat(r.lastSeq).isEqualTo(5);
    }

    @Test
    void aSeqOneAheadOfItsPlaceIsAGapOfOne() throws Exception {
        SegmentResult r = scan(new Segment().event(0, T0).event(2, T0).bytes());

        Finding f = only(r, FindingCode.SEQ_GAP);
        assertThat(f.message()).startsWith("1 event(s) missing");
        assertThat(f.details()).containsEntry("expected", "1").containsEntry("found", "2");
    }

    @Test
    void aRepeatedSeqIsOutOfOrder() throws Exception {
        SegmentResult r = scan(new Segment().event(0, T0).event(1, T0).event(1, T0).event(2, T0).bytes());

        Finding f = only(r, FindingCode.SEQ_OUT_OF_ORDER);
        assertThat(f.location()).isEqualTo(Location.line(FILE, 3, 1));
        assertThat(f.details()).containsEntry("expected", "2").containsEntry("found", "1");
    }

    @Test
    void aLineWithoutAReadableSeqTakesTheExpectedOneSoTheNextLineIsInOrder() throws Exception {
        Segment s = new Segment().event(0, T0);
        s.add("{\"seq\":\"one\",\"time\":\"" + T0 + "\",\"prev\":\"" + s.prev
                + "\",\"event\":{\"action\":\"command\",\"outcome\":\"success\"}}");
        s.event(2, T0);

        SegmentResult r = scan(s.bytes());

        assertThat(findings(r)).extracting(Finding::code).containsExactly(FindingCode.FIELD_INVALID);
        assertThat(findings(r).get(0).location()).isEqualTo(Location.line(FILE, 2, -1));
        assertThat(r.lastSeq).isEqualTo(2);
    }

    @Test
    void aFirstLineWithoutAReadableSeqLeavesTheFirstSeqUnknown() throws Exception {
        Segment s = new Segment();
        s.add("{\"seq\":-1,\"time\":\"" + T0 + "\",\"prev\":\"" + ZERO
                + "\",\"event\":{\"action\":\"command\",\"outcome\":\"success\"}}");
        s.event(1, T0).event(3, T0);

        SegmentResult r = scan(s.bytes());

        assertThat(r.firstSeq).isEqualTo(-1);
        // nothing to count from until seq 1: the jump to 3 is the only gap
        assertThat(findings(r)).extracting(Finding::code).containsExactly(FindingCode.FIELD_INVALID, FindingCode.SEQ_GAP);
        assertThat(findings(r).get(1).details()).containsEntry("expected", "2").containsEntry("found", "3");
    }

    @Test
    void aPrevThatIsNotTheEntryHashOfTheLineBeforeBreaksTheChainThere() throws Exception {
        Segment s = new Segment().event(0, T0).event(1, T0);
        byte[] signed = s.leaf(2);
        s.prev = "ee".repeat(32);
        s.event(2, T0).event(3, T0);

        SegmentResult r = scan(s.bytes());

        Finding f = only(r, FindingCode.CHAIN_BROKEN);
        assertThat(f.location()).isEqualTo(Location.line(FILE, 3, 2));
        assertThat(f.message()).startsWith("prev does not match the entry hash of line 2 ");
        assertThat(f.details()).containsEntry("expected", HEX.formatHex(signed)).containsEntry("found", "ee".repeat(32));
        // the leaf of line 2 (index 1) was signed under the hash line 3 names
        assertThat(r.substitutions).containsOnlyKeys(1);
        assertThat(r.substitutions.get(1)).isEqualTo(HEX.parseHex("ee".repeat(32)));
    }

    @Test
    void aLineWithoutAPrevIsNotAlsoAChainBreak() throws Exception {
        Segment s = new Segment().event(0, T0);
        s.add("{\"seq\":1,\"time\":\"" + T0 + "\",\"event\":{\"action\":\"command\",\"outcome\":\"success\"}}");
        s.event(2, T0);

        SegmentResult r = scan(s.bytes());

        assertThat(findings(r)).extracting(Finding::code).containsExactly(FindingCode.FIELD_MISSING);
        assertThat(r.substitutions).isEmpty();
    }

    @Test
    void aFirstLineWithoutAPrevLeavesTheFirstPrevUnknown() throws Exception {
        Segment s = new Segment();
        s.add("{\"seq\":0,\"time\":\"" + T0 + "\",\"event\":{\"action\":\"command\",\"outcome\":\"success\"}}");
        s.event(1, T0);

        SegmentResult r = scan(s.bytes());

        assertThat(r.firstPrev).isNull();
        assertThat(r.firstPrevUnknown).isTrue();
        assertThat(findings(r)).extracting(Finding::code).containsExactly(FindingCode.FIELD_MISSING);
    }

    @Test
    void anEarlierTimeGoesBackwardsFromTheLatestTimeSeenSoFar() throws Exception {
        // 10 s, then 5 s (backwards from 10), then 7 s: still before the latest, 10 s
        SegmentResult r = scan(new Segment().event(0, T0.plusSeconds(10)).event(1, T0.plusSeconds(5))
                .event(2, T0.plusSeconds(7)).event(3, T0.plusSeconds(10)).bytes());

        List<Finding> f = findings(r);
        assertThat(f).extracting(Finding::code).containsExactly(FindingCode.TIME_BACKWARDS, FindingCode.TIME_BACKWARDS);
        assertThat(f).extracting(Finding::location).containsExactly(Location.line(FILE, 2, 1), Location.line(FILE, 3, 2));
        assertThat(f.get(1).details()).containsEntry("expected", T0.plusSeconds(10).toString())
                .containsEntry("found", T0.plusSeconds(7).toString());
        assertThat(r.firstTime).isEqualTo(T0.plusSeconds(10));
        assertThat(r.lastTime).isEqualTo(T0.plusSeconds(10));
    }

    @Test
    void aFirstLineWithoutATimeLeavesTheFirstTimeToTheNextLine() throws Exception {
        Segment s = new Segment();
        s.add("{\"seq\":0,\"time\":\"yesterday\",\"prev\":\"" + ZERO
                + "\",\"event\":{\"action\":\"command\",\"outcome\":\"success\"}}");
        s.event(1, T0.plusSeconds(3));

        SegmentResult r = scan(s.bytes());

        assertThat(r.firstTime).isEqualTo(T0.plusSeconds(3));
        assertThat(findings(r)).extracting(Finding::code).containsExactly(FindingCode.FIELD_INVALID);
    }

    @Test
    void timesOnTheEdgesOfTheManifestRangeAreInsideIt() throws Exception {
        SegmentScanner scanner = new SegmentScanner(NO_LIMIT, T0, T0.plusSeconds(60));
        byte[] content = new Segment().event(0, T0).event(1, T0.plusSeconds(60)).bytes();

        assertThat(findings(scan(scanner, content, content.length))).isEmpty();
    }

    @Test
    void timesBeforeOrAfterTheManifestRangeAreOutsideIt() throws Exception {
        SegmentScanner scanner = new SegmentScanner(NO_LIMIT, T0, T0.plusSeconds(60));
        byte[] content = new Segment().event(0, T0.minusNanos(1000)).event(1, T0.plusSeconds(30))
                .event(2, T0.plusSeconds(61)).bytes();

        List<Finding> f = findings(scan(scanner, content, content.length));

        assertThat(f).extracting(Finding::code)
                .containsExactly(FindingCode.TIME_OUTSIDE_RANGE, FindingCode.TIME_OUTSIDE_RANGE);
        assertThat(f).extracting(Finding::location).containsExactly(Location.line(FILE, 1, 0), Location.line(FILE, 3, 2));
        assertThat(f.get(1).message()).isEqualTo("time " + T0.plusSeconds(61) + " lies outside the manifest's time range "
                + T0 + " to " + T0.plusSeconds(60));
    }

    @Test
    void heartbeatsFurtherApartThanTheLimitAreAGapBetweenThem() throws Exception {
        SegmentScanner scanner = new SegmentScanner(Duration.ofSeconds(90), null, null);
        byte[] content = new Segment().heartbeat(0, T0).event(1, T0.plusSeconds(50)).heartbeat(2, T0.plusSeconds(90))
                .heartbeat(3, T0.plusSeconds(181)).bytes();

        SegmentResult r = scan(scanner, content, content.length);

        Finding f = only(r, FindingCode.HEARTBEAT_GAP);
        assertThat(f.location()).isEqualTo(Location.line(FILE, 4, 3));
        assertThat(f.message()).isEqualTo("no heartbeat for 91 s between " + T0.plusSeconds(90) + " and "
                + T0.plusSeconds(181) + " (limit 90 s)");
        assertThat(f.details()).isEqualTo(Map.of("from", T0.plusSeconds(90).toString(),
                "to", T0.plusSeconds(181).toString()));
        assertThat(r.firstHeartbeat).isEqualTo(T0);
        assertThat(r.lastHeartbeat).isEqualTo(T0.plusSeconds(181));
    }

    @Test
    void aSegmentEndingWithoutLineFeedHasItsLastLineUnterminatedButStillRead() throws Exception {
        Segment s = new Segment().event(0, T0).event(1, T0.plusSeconds(1));
        byte[] full = s.bytes();
        byte[] content = java.util.Arrays.copyOf(full, full.length - 1);

        SegmentResult r = scan(content);

        Finding f = only(r, FindingCode.LINE_UNTERMINATED);
        assertThat(f.location()).isEqualTo(Location.line(FILE, 2, -1));
        assertThat(r.count).isEqualTo(2);
        assertThat(leaves(r)).containsExactly(s.leaf(1), s.leaf(2));
        assertThat(r.lastSeq).isEqualTo(1);
        assertThat(r.lastTime).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void linesThatCrossTheReadChunksAreHashedAndParsedWhole() throws Exception {
        // a 1 MiB read ends inside the second line; that line is longer than the scanner's first line buffer
        Segment s = new Segment().padded(0, T0, SegmentScanner.MAX_LINE - 10_000).padded(1, T0, 30_000)
                .event(2, T0);
        byte[] content = s.bytes();

        SegmentResult r = scan(content);

        assertThat(findings(r)).isEmpty();
        assertThat(leaves(r)).containsExactly(s.leaf(1), s.leaf(2), s.leaf(3));
        assertThat(r.fileSha256).isEqualTo(sha256(content));
        assertThat(r.lastSeq).isEqualTo(2);
    }

    @Test
    void aShortLineLateInAFullChunkIsParsedInPlace() throws Exception {
        Segment s = new Segment().padded(0, T0, 700_000).event(1, T0).event(2, T0);

        SegmentResult r = scan(s.bytes());

        assertThat(findings(r)).isEmpty();
        assertThat(leaves(r)).containsExactly(s.leaf(1), s.leaf(2), s.leaf(3));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 8, 13, 64, 151, 1000})
    void theSameSegmentReadInPiecesOfAnySizeGivesTheSameLeavesAndFindings(int readSize) throws Exception {
        Segment s = new Segment().event(0, T0).heartbeat(1, T0.plusSeconds(1)).event(3, T0.plusSeconds(2));
        s.add(""); // an empty line is a line: one leaf, one finding
        s.event(5, T0.plusSeconds(3)).padded(6, T0.plusSeconds(4), 5000).event(7, T0.plusSeconds(5));
        byte[] content = s.bytes();
        SegmentResult whole = scan(content);

        SegmentResult pieces = new SegmentScanner(NO_LIMIT, null, null).scan(new OneFile(content, readSize),
                entry(content.length));

        assertThat(leaves(pieces)).containsExactlyElementsOf(leaves(whole)).hasSize(s.lines.size());
        assertThat(findings(pieces)).isEqualTo(findings(whole)).extracting(Finding::code)
                .containsExactly(FindingCode.SEQ_GAP, FindingCode.LINE_MALFORMED);
        assertThat(pieces.lastSeq).isEqualTo(7);
        assertThat(pieces.fileSha256).isEqualTo(sha256(content));
    }

    @Test
    void aSegmentOfThousandsOfEventsKeepsEveryLeafInOrder() throws Exception {
        Segment s = new Segment();
        for (int i = 0; i < 2500; i++) {
            s.event(i, T0.plusSeconds(i));
        }

        SegmentResult r = scan(s.bytes());

        assertThat(findings(r)).isEmpty();
        assertThat(r.count).isEqualTo(2500);
        for (int line = 1; line <= 2500; line++) {
            assertThat(r.leaf(line - 1)).as("leaf of line %d", line).isEqualTo(s.leaf(line));
        }
    }

    @Test
    void aScannerReusedAfterAReadFailureHashesTheNextSegmentAfresh() throws Exception {
        SegmentScanner scanner = new SegmentScanner(NO_LIMIT, null, null);
        byte[] broken = new Segment().event(0, T0).event(1, T0).bytes();
        BundleSource failing = new OneFile(broken, 200) {
            @Override
            public InputStream open(String path) {
                InputStream in = super.open(path);
                return new InputStream() {
                    @Override
                    public int read() {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int n = in.read(b, off, len);
                        if (n < 200) {
                            throw new IOException("the zip entry is corrupt");
                        }
                        return n;
                    }
                };
            }
        };
        org.assertj.core.api.Assertions.assertThatIOException().isThrownBy(() -> scanner.scan(failing, entry(broken.length)));
        Segment next = new Segment().event(0, T0).event(1, T0);
        byte[] content = next.bytes();

        SegmentResult r = scan(scanner, content, content.length);

        assertThat(findings(r)).isEmpty();
        assertThat(r.fileSha256).isEqualTo(sha256(content));
        assertThat(leaves(r)).containsExactly(next.leaf(1), next.leaf(2));
    }

    @Test
    void anUnterminatedLastLineOfExactlyTheLimitIsParsed() throws Exception {
        Segment s = new Segment().event(0, T0).padded(1, T0, SegmentScanner.MAX_LINE);
        byte[] full = s.bytes();
        byte[] content = java.util.Arrays.copyOf(full, full.length - 1);

        SegmentResult r = scan(content);

        assertThat(only(r, FindingCode.LINE_UNTERMINATED).location()).isEqualTo(Location.line(FILE, 2, -1));
        assertThat(leaves(r)).containsExactly(s.leaf(1), s.leaf(2));
        assertThat(r.lastSeq).isEqualTo(1);
    }

    @Test
    void aLineOfExactlyTheLimitIsParsed() throws Exception {
        Segment s = new Segment().event(0, T0).padded(1, T0, SegmentScanner.MAX_LINE).event(2, T0);

        SegmentResult r = scan(s.bytes());

        assertThat(findings(r)).isEmpty();
        assertThat(leaves(r)).containsExactly(s.leaf(1), s.leaf(2), s.leaf(3));
    }

    @Test
    void aLineOverTheLimitIsHashedButNotParsedAndTheChainResumesAfterIt() throws Exception {
        Segment s = new Segment().event(10, T0).padded(11, T0, SegmentScanner.MAX_LINE + 1).event(12, T0);

        SegmentResult r = scan(s.bytes());

        Finding f = only(r, FindingCode.LINE_TOO_LONG);
        assertThat(f.location()).isEqualTo(Location.line(FILE, 2, -1));
        assertThat(f.message()).isEqualTo("line of 1048577 bytes exceeds the 1048576-byte event limit; hashed but not parsed");
        assertThat(leaves(r)).containsExactly(s.leaf(1), s.leaf(2), s.leaf(3));
        // the long line counts as seq 11, so seq 12 follows in order
        assertThat(r.lastSeq).isEqualTo(12);
    }

    @Test
    void aLineOverTheLimitRightAfterSeq0CountsAsSeq1() throws Exception {
        Segment s = new Segment().event(0, T0).padded(1, T0, SegmentScanner.MAX_LINE + 1).event(2, T0);

        SegmentResult r = scan(s.bytes());

        assertThat(only(r, FindingCode.LINE_TOO_LONG).location()).isEqualTo(Location.line(FILE, 2, -1));
        assertThat(r.lastSeq).isEqualTo(2);
    }

    @Test
    void aLongLineReadInSmallPiecesIsMeasuredWhole() throws Exception {
        Segment s = new Segment().padded(0, T0, 3 * SegmentScanner.MAX_LINE).event(1, T0);
        byte[] content = s.bytes();

        SegmentResult r = new SegmentScanner(NO_LIMIT, null, null).scan(new OneFile(content, 100_000), entry(content.length));

        assertThat(only(r, FindingCode.LINE_TOO_LONG).message()).startsWith("line of " + 3 * SegmentScanner.MAX_LINE + " bytes");
        assertThat(leaves(r)).containsExactly(s.leaf(1), s.leaf(2));
        assertThat(r.fileSha256).isEqualTo(sha256(content));
    }

    @Test
    void aFirstLineTooLongToReadLeavesTheFirstPrevUnknown() throws Exception {
        Segment s = new Segment().padded(0, T0, SegmentScanner.MAX_LINE + 10).event(1, T0);

        SegmentResult r = scan(s.bytes());

        assertThat(r.firstPrevUnknown).isTrue();
        assertThat(r.firstPrev).isNull();
        assertThat(r.firstSeq).as("the first line's seq, unread").isEqualTo(-1);
        assertThat(only(r, FindingCode.LINE_TOO_LONG).location()).isEqualTo(Location.line(FILE, 1, -1));
    }

    @Test
    void anUnterminatedLastLineOverTheLimitIsBothUnterminatedAndTooLong() throws Exception {
        Segment s = new Segment().event(0, T0).padded(1, T0, SegmentScanner.MAX_LINE + 1);
        byte[] full = s.bytes();
        byte[] content = java.util.Arrays.copyOf(full, full.length - 1);

        SegmentResult r = scan(content);

        assertThat(findings(r)).extracting(Finding::code)
                .containsExactlyInAnyOrder(FindingCode.LINE_UNTERMINATED, FindingCode.LINE_TOO_LONG);
        assertThat(leaves(r)).containsExactly(s.leaf(1), s.leaf(2));
    }

    @Test
    void aFileLongerThanDeclaredIsReadOnlyOneBytePastTheDeclaredSize() throws Exception {
        Segment s = new Segment().event(0, T0).event(1, T0).event(2, T0);
        byte[] content = s.bytes();
        int declared = s.lines.get(0).length + 1 + 10;

        // in small reads, so the scanner asks for the rest more than once
        SegmentResult r = new SegmentScanner(NO_LIMIT, null, null).scan(new OneFile(content, 5), entry(declared));

        assertThat(r.bytes).isEqualTo(declared + 1);
        assertThat(r.fileSha256).isEqualTo(sha256(java.util.Arrays.copyOf(content, declared + 1)));
        assertThat(r.count).isEqualTo(2); // line 1, and the 11 bytes of line 2 read, unterminated
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 6, 7, 8, 9, 15, 16, 17, 23})
    void theNextLineFeedIsFoundAtAnyPosition(int at) {
        byte[] b = new byte[24];
        java.util.Arrays.fill(b, (byte) 'a');
        b[at] = '\n';

        assertThat(SegmentScanner.indexOf(b, 0, b.length)).isEqualTo(at);
        assertThat(SegmentScanner.indexOf(b, 0, at)).as("before the range ends").isEqualTo(-1);
        assertThat(SegmentScanner.indexOf(b, at + 1, b.length)).as("after it").isEqualTo(-1);
    }

    @Test
    void theFirstOfSeveralLineFeedsInAWordIsFound() {
        byte[] b = "ab\nc\nd\nefgh\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(SegmentScanner.indexOf(b, 0, b.length)).isEqualTo(2);
        assertThat(SegmentScanner.indexOf(b, 3, b.length)).isEqualTo(4);
    }

    @Test
    void bytesThatDifferFromALineFeedOnlyInOneBitAreNoLineFeed() {
        // 0x0b, 0x08, 0x8a and 0x0a+0x80... must not pass the has-zero-byte test
        byte[] b = {0x0b, 0x08, (byte) 0x8a, 0x0e, 0x02, 0x1a, 0x4a, 0x2a, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b};

        assertThat(SegmentScanner.indexOf(b, 0, b.length)).isEqualTo(-1);
    }
}
