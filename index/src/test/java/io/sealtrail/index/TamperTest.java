package io.sealtrail.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.index.TestBundles.Fixture;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Verdict;
import io.sealtrail.verify.VerificationReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tampered or truncated copy of the bundle is still searchable event by event, and each event carries
 * the integrity the verification gives its range (checkpoints every 1,000 events, segments of 2,500).
 */
class TamperTest {
    @TempDir
    Path dir;

    /** Byte offset of a line in a segment file. */
    private static int lineStart(byte[] b, int line) {
        int at = 0;
        for (int i = 0; i < line; i++) {
            while (b[at] != '\n') {
                at++;
            }
            at++;
        }
        return at;
    }

    private Path tampered(String name, long leaf, java.util.function.BiConsumer<byte[], Integer> change) throws Exception {
        Path copy = TestBundles.copy(TestBundles.shared().bundle(), dir.resolve(name));
        long first = leaf / TestBundles.SEGMENT_EVENTS * TestBundles.SEGMENT_EVENTS;
        Path seg = copy.resolve(String.format("events/%012d.jsonl", first));
        byte[] b = Files.readAllBytes(seg);
        change.accept(b, lineStart(b, (int) (leaf - first)));
        Files.write(seg, b);
        return copy;
    }

    private static EventSearch index(Path bundle, Path target) throws Exception {
        VerificationReport report = TestBundles.verify(bundle, TestBundles.SEED);
        assertThat(report.verdict()).isEqualTo(Verdict.INTEGRITY_FAILURE);
        TestBundles.index(bundle, report, target);
        return EventSearch.open(List.of(target));
    }

    @Test
    void unparsableLineStaysSearchableAndItsRangeIsBroken() throws Exception {
        Path bundle = tampered("malformed", 4321, (b, at) -> b[at] = '[');
        try (EventSearch s = index(bundle, dir.resolve("idx"))) {
            assertThat(s.count(EventQuery.all())).isEqualTo(TestBundles.EVENTS);
            // the next event's prev names the line's signed hash, and the signed roots confirm it: only
            // this one line changed, so every other event is proven exactly as signed
            assertThat(s.count(EventQuery.of("integrity:broken"))).isEqualTo(1);
            assertThat(s.count(EventQuery.of("integrity:verified"))).isEqualTo(TestBundles.EVENTS - 1);
            Hit h = s.search(EventQuery.of("seq:4321"), 10, null).hits().get(0);
            assertThat(h.raw()).startsWith("[\"seq\":4321");
            assertThat(h.integrity()).isEqualTo(Integrity.BROKEN);
            assertThat(h.line()).isEqualTo(4321 - 2500 + 1);
        }
    }

    @Test
    void alteredButValidEventIsFoundByItsNewValue() throws Exception {
        byte[] key = "\"port\":".getBytes(StandardCharsets.US_ASCII);
        int[] port = new int[1];
        Path bundle = tampered("altered", 4321, (b, at) -> {
            int p = at;
            while (!Arrays.equals(b, p, p + key.length, key, 0, key.length)) {
                p++;
            }
            p += key.length;
            b[p] = (byte) (b[p] == '9' ? '8' : b[p] + 1); // still a valid port number, so the line still parses
            int end = p;
            while (Character.isDigit(b[end])) {
                end++;
            }
            port[0] = Integer.parseInt(new String(b, p, end - p, StandardCharsets.US_ASCII));
        });
        try (EventSearch s = index(bundle, dir.resolve("idx"))) {
            assertThat(s.count(EventQuery.all())).isEqualTo(TestBundles.EVENTS);
            assertThat(s.search(EventQuery.of("seq:4321 AND source.port:" + port[0]), 1, null).hits())
                    .singleElement().satisfies(h -> assertThat(h.integrity()).isEqualTo(Integrity.BROKEN));
            assertThat(s.count(EventQuery.of("integrity:broken"))).isEqualTo(1);
            assertThat(s.count(EventQuery.of("integrity:verified"))).isEqualTo(TestBundles.EVENTS - 1);
        }
    }

    @Test
    void aDeletedLineLeavesItsRangeBrokenBecauseNothingProvesTheRest() throws Exception {
        Path bundle = TestBundles.copy(TestBundles.shared().bundle(), dir.resolve("deleted"));
        Path seg = bundle.resolve("events/000000002500.jsonl");
        byte[] b = Files.readAllBytes(seg);
        int from = lineStart(b, 4321 - 2500);
        int to = lineStart(b, 4321 - 2500 + 1);
        byte[] cut = new byte[b.length - (to - from)];
        System.arraycopy(b, 0, cut, 0, from);
        System.arraycopy(b, to, cut, from, b.length - to);
        Files.write(seg, cut);
        try (EventSearch s = index(bundle, dir.resolve("idx"))) {
            assertThat(s.count(EventQuery.of("integrity:verified"))).isEqualTo(4000);
            assertThat(s.count(EventQuery.of("integrity:broken"))).isEqualTo(TestBundles.EVENTS - 1 - 4000);
        }
    }

    @Test
    void eventsAfterTheLastVerifiedCheckpointOfATruncatedCopyAreNotCovered() throws Exception {
        Path copy = TestBundles.copy(TestBundles.shared().bundle(), dir.resolve("truncated"));
        Path seg = copy.resolve("events/000000007500.jsonl");
        byte[] b = Files.readAllBytes(seg);
        Files.write(seg, Arrays.copyOf(b, lineStart(b, 1000))); // keeps leaves 7500..8499; checkpoint 8000 still holds
        VerificationReport report = TestBundles.verify(copy, TestBundles.SEED);
        // only the checkpoints the cut events never reach (spec §14 step 9); 8000 still holds
        assertThat(report.findings()).filteredOn(f -> f.code() == FindingCode.CHECKPOINT_ROOT_MISMATCH)
                .extracting(f -> f.location().file())
                .containsExactlyInAnyOrder("checkpoints/9000.checkpoint", "checkpoints/10000.checkpoint");
        TestBundles.index(copy, report, dir.resolve("idx"));
        try (EventSearch s = EventSearch.open(List.of(dir.resolve("idx")))) {
            assertThat(s.count(EventQuery.all())).isEqualTo(8500);
            assertThat(s.count(EventQuery.of("integrity:verified"))).isEqualTo(8000);
            assertThat(s.count(EventQuery.of("integrity:not_covered AND seq:[8000 TO 8499]"))).isEqualTo(500);
            assertThat(s.count(EventQuery.of("integrity:broken"))).isZero();
        }
    }

    @Test
    void anOverLongLineKeepsItsStartForDisplayAndTheHashOfAllOfIt() throws Exception {
        long leaf = 2222;
        long first = leaf / TestBundles.SEGMENT_EVENTS * TestBundles.SEGMENT_EVENTS;
        Path copy = TestBundles.copy(TestBundles.shared().bundle(), dir.resolve("long"));
        Path seg = copy.resolve(String.format("events/%012d.jsonl", first));
        byte[] b = Files.readAllBytes(seg);
        int at = lineStart(b, (int) (leaf - first));
        int end = lineStart(b, (int) (leaf - first) + 1) - 1;
        byte[] longLine = new byte[SegmentLines.MAX_LINE + 5000]; // a line the index must cut
        Arrays.fill(longLine, (byte) 'x');
        System.arraycopy(b, at, longLine, 0, Math.min(end - at, 40));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(b, 0, at);
        out.write(longLine);
        out.write(b, end, b.length - end);
        Files.write(seg, out.toByteArray());
        try (EventSearch s = index(copy, dir.resolve("idx"))) {
            Hit h = s.search(EventQuery.of("leaf:" + leaf), 1, null).hits().get(0);
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            md.update((byte) 0);
            md.update(longLine);
            assertThat(h.entryHash()).isEqualTo(java.util.HexFormat.of().formatHex(md.digest()));
            assertThat(h.raw().length()).isBetween(SegmentLines.MAX_LINE, longLine.length - 1);
            assertThat(longLine).startsWith(h.raw().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            // its neighbours are whole and unchanged
            Hit next = s.search(EventQuery.of("leaf:" + (leaf + 1)), 1, null).hits().get(0);
            int nextStart = end + 1;
            int nextEnd = nextStart;
            while (b[nextEnd] != '\n') {
                nextEnd++;
            }
            assertThat(next.raw()).isEqualTo(new String(b, nextStart, nextEnd - nextStart,
                    java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void intactBundleIsVerifiedThroughout() throws Exception {
        Fixture f = TestBundles.shared();
        try (EventSearch s = EventSearch.open(List.of(f.index()))) {
            assertThat(s.count(EventQuery.of("integrity:verified"))).isEqualTo(TestBundles.EVENTS);
        }
    }
}
