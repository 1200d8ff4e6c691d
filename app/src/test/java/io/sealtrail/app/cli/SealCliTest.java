package io.sealtrail.app.cli;

import static io.sealtrail.app.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.app.cli.CliTest.Run;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.index.EventQuery;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.Hit;
import io.sealtrail.index.SessionDetail;
import io.sealtrail.index.SessionSpan;
import io.sealtrail.sources.ReadContext;
import io.sealtrail.sources.SourceFile;
import io.sealtrail.sources.SourceRecord;
import io.sealtrail.sources.hoop.HoopFormat;
import io.sealtrail.tools.tsa.LoopbackTsaServer;
import io.sealtrail.tools.tsa.TestTimestampAuthority;
import io.sealtrail.verify.event.EventLabels;
import io.sealtrail.verify.note.NoteSigner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code sealtrail seal}: sources become bundles that verify, import as the source does, and chain without repeats. */
class SealCliTest {
    static final Path HOOP = Path.of("../sources/src/test/resources/hoop/sessions.json");
    static final Path HOOP_BAD_LINE = Path.of("../sources/src/test/resources/hoop/sessions-bad-line.jsonl");
    static final Path SYSLOG = Path.of("../sources/src/test/resources/syslog/sshd-logs.log");
    static final String ORIGIN = "gateway.northwind.example/hoop";

    @TempDir
    static Path dir;
    static Path key;
    static Path vkey;

    @BeforeAll
    static void keys() throws IOException {
        System.setProperty("sealtrail.home", dir.resolve("home").toString());
        NoteSigner signer = NoteSigner.fromSeed(ORIGIN, new byte[32]);
        key = dir.resolve("log.key");
        vkey = dir.resolve("log.vkey");
        Files.writeString(key, signer.encode() + "\n");
        Files.writeString(vkey, signer.verifierKey().encode() + "\n");
    }

    @AfterAll
    static void clearHome() {
        System.clearProperty("sealtrail.home");
    }

    private static Run seal(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("seal", "--key", key.toString(), "--out", out.toString()));
        args.addAll(Arrays.asList(more));
        return run(args.toArray(String[]::new));
    }

    private static Run verify(Path bundle, String... more) {
        List<String> args = new ArrayList<>(List.of("verify", bundle.toString(), "--trust", vkey.toString(),
                "--no-trust-store"));
        args.addAll(Arrays.asList(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void aSealedHoopExportVerifiesSignedByTheTrustedKey() {
        Path out = dir.resolve("hoop-verified");
        Run s = seal(out, HOOP.toString());
        assertThat(s.exit()).as(s.out() + s.err()).isZero();
        Run v = verify(out);
        assertThat(v.exit()).as(v.out() + v.err()).isZero();
        assertThat(v.out()).contains("VERIFIED").contains(ORIGIN).doesNotContain("ERROR");
    }

    @Test
    void aSealedExportListingSessionsNewestFirstGetsOneSourceOrderNoteAndNoWarnings() {
        Path out = dir.resolve("hoop-order.zip");
        assertThat(seal(out, HOOP.toString()).exit()).isZero();
        Run v = verify(out);
        assertThat(v.exit()).as(v.out() + v.err()).isZero();
        // the one warning is honest: a sealed source has no heartbeats, so a gap in it cannot be told
        assertThat(v.out()).contains("0 error(s), 1 warning(s), 1 note(s)").contains("HEARTBEAT_NOT_DECLARED")
                .contains("SEALED_RECORD_ORDER").doesNotContain("TIME_BACKWARDS");
    }

    @Test
    void importingTheSealedExportGivesTheSameSessionsEventsAndSearchableOutputAsImportingTheExport() throws Exception {
        Path out = dir.resolve("hoop-roundtrip");
        assertThat(seal(out, HOOP.toString()).exit()).isZero();
        try (EventSearch x = imported("hoop-direct", HOOP, SealtrailCommand.EXIT_NO_EVIDENCE); EventSearch y = imported("hoop-sealed", out, 0)) {
            List<SessionSpan> sessions = x.sessions(EventQuery.all());
            assertThat(sessions).hasSizeGreaterThan(30);
            assertThat(y.sessions(EventQuery.all())).containsExactlyInAnyOrderElementsOf(sessions);
            assertThat(events(y)).containsExactlyInAnyOrderElementsOf(events(x));
            List<String> probes = outputProbes();
            assertThat(probes).hasSizeGreaterThan(20);
            for (String q : probes) {
                long n = x.count(EventQuery.of(q));
                assertThat(n).as(q).isPositive();
                assertThat(y.count(EventQuery.of(q))).as(q).isEqualTo(n);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"../sources/src/test/resources/hoop/sessions.json",
            "../sources/src/test/resources/asciicast/deploy-with-input.cast",
            "../sources/src/test/resources/asciicast/exit-v3.cast",
            "../sources/src/test/resources/sudo-iolog/plain", "../sources/src/test/resources/sudo-iolog/gzip"})
    void aSealedRecordingReplaysTheSameTranscriptAsTheRecordingImportedDirectly(String source) throws Exception {
        String name = Path.of(source).getFileName().toString().replace('.', '-') + "-"
                + Integer.toHexString(source.hashCode());
        Path out = dir.resolve("replay-" + name);
        Path recording = readable(Path.of(source), dir.resolve("readable-" + name));
        Run s = seal(out, recording.toString());
        assertThat(s.exit()).as(s.out() + s.err()).isZero();
        try (EventSearch x = imported("replay-direct-" + name, recording,
                SealtrailCommand.EXIT_NO_EVIDENCE);
             EventSearch y = imported("replay-sealed-" + name, out, 0)) {
            List<SessionSpan> sessions = x.sessions(EventQuery.all());
            assertThat(sessions).isNotEmpty();
            int recorded = 0;
            for (SessionSpan span : sessions) {
                SessionDetail direct = SessionDetail.load(x, span.sessionId());
                SessionDetail sealed = SessionDetail.load(y, span.sessionId());
                assertThat(sealed.recorded()).as(span.sessionId()).isEqualTo(direct.recorded());
                assertThat(sealed.transcript()).as(span.sessionId()).isEqualTo(direct.transcript());
                if (direct.recorded()) {
                    assertThat(sealed.recording().sealedAt()).as(span.sessionId()).startsWith("events/");
                    assertThat(sealed.recording()).usingRecursiveComparison().ignoringFields("sealedAt")
                            .isEqualTo(direct.recording());
                }
                recorded += direct.recorded() && !direct.transcript().entries().isEmpty() ? 1 : 0;
            }
            assertThat(recorded).as("sessions with a recorded transcript").isPositive();
        }
    }

    /**
     * The recording itself, or for a file with unreadable lines (the asciicast fixture has one on purpose) a copy
     * without them: a sealed export holds every record or none.
     */
    private static Path readable(Path source, Path copyDir) throws IOException {
        if (Files.isDirectory(source)) {
            return source;
        }
        Files.createDirectories(copyDir);
        Path copy = copyDir.resolve(source.getFileName());
        Files.write(copy, Files.readAllLines(source).stream().filter(l -> !l.equals("[12.5, \"o\"]")).toList());
        return copy;
    }

    /** A case of its own with {@code source} imported (a sealed export trusting the log's key), exiting {@code exit}. */
    private static EventSearch imported(String name, Path source, int exit) throws Exception {
        Path caseDir = dir.resolve("case-" + name);
        Run r = run("import", source.toString(), "--case", caseDir.toString(), "--trust", vkey.toString(),
                "--no-trust-store");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(exit);
        return search(caseDir);
    }

    private static EventSearch search(Path caseDir) throws Exception {
        CaseFolder c = CaseFolder.open(caseDir, Clock.systemUTC());
        return c.openSearch(c.bundles());
    }

    /** What an event says, without where it is kept (bundle, leaf, line, format differ by design). */
    private static List<String> events(EventSearch s) throws Exception {
        List<String> out = new ArrayList<>();
        s.export(EventQuery.all(), h -> out.add(String.join("|", String.valueOf(h.time()), h.action(),
                String.valueOf(h.outcome()), String.valueOf(h.userName()), String.valueOf(h.targetKind()),
                String.valueOf(h.targetName()), String.valueOf(h.sessionId()), String.valueOf(h.command()),
                String.valueOf(h.query()))));
        return out;
    }

    /** For each recorded output of the export, a query for one of its words within its session. */
    private static List<String> outputProbes() throws IOException {
        List<String> probes = new ArrayList<>();
        try (InputStream in = Files.newInputStream(HOOP)) {
            new HoopFormat().read(in, new SourceFile("sessions.json", Instant.EPOCH), ReadContext.defaults(), r -> {
                if (r.output() != null) {
                    Stream.of(r.output().split("[^\\p{L}\\p{N}]+")).filter(w -> w.length() >= 4).findFirst()
                            .ifPresent(w -> probes.add("session.id:\"" + r.event().sessionId() + "\" AND session.output:"
                                    + w.toLowerCase(java.util.Locale.ROOT)));
                }
            });
        }
        return probes;
    }

    @Test
    void sealingTheSameExportTwiceGivesByteIdenticalEventLines() throws IOException {
        Path one = dir.resolve("twice-1");
        Path two = dir.resolve("twice-2");
        assertThat(seal(one, HOOP.toString()).exit()).isZero();
        assertThat(seal(two, HOOP.toString()).exit()).isZero();
        assertThat(eventBytes(two)).isEqualTo(eventBytes(one)).isNotEmpty();
    }

    private static byte[] eventBytes(Path bundle) throws IOException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        try (Stream<Path> files = Files.list(bundle.resolve("events"))) {
            for (Path f : files.sorted().toList()) {
                all.writeBytes(Files.readAllBytes(f));
            }
        }
        return all.toByteArray();
    }

    @Test
    void anOverlappingExportSkipsWhatThePreviousSealedAndVerifiesAsItsContinuation() throws IOException {
        List<String> sessions = sessionLines();
        Path first = dir.resolve("day-1.jsonl");
        Path second = dir.resolve("day-2.jsonl");
        Files.write(first, sessions.subList(0, 25));
        Files.write(second, sessions.subList(15, sessions.size()));
        Path b1 = dir.resolve("day-1-bundle");
        Path b2 = dir.resolve("day-2-bundle");
        assertThat(seal(b1, first.toString()).exit()).isZero();
        Run s = seal(b2, second.toString(), "--previous", b1.toString());
        assertThat(s.exit()).as(s.out() + s.err()).isZero();
        long overlap = records(sessions.subList(15, 25));
        assertThat(overlap).isPositive();
        assertThat(s.out()).contains(String.format("skipped %,d records already sealed in %s", overlap, b1));
        Run v = verify(b2, "--previous", b1.toString());
        assertThat(v.exit()).as(v.out() + v.err()).isZero();
        assertThat(v.out()).doesNotContain("CONTINUITY");
        assertThat(ids(b1).size() + ids(b2).size()).isEqualTo(records(sessions));
        assertThat(ids(b2)).doesNotContainAnyElementsOf(ids(b1));
    }

    /** The export's sessions, one JSON object a line. */
    private static List<String> sessionLines() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        for (JsonNode s : json.readTree(HOOP.toFile())) {
            lines.add(json.writeValueAsString(s));
        }
        return lines;
    }

    private static long records(List<String> lines) throws IOException {
        long[] n = {0};
        new HoopFormat().read(new java.io.ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)),
                new SourceFile("x.jsonl", Instant.EPOCH), ReadContext.defaults(), r -> n[0]++);
        return n[0];
    }

    private static List<String> ids(Path bundle) throws IOException {
        List<String> ids = new ArrayList<>();
        for (String line : new String(eventBytes(bundle), StandardCharsets.UTF_8).split("\n")) {
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            ids.add(Objects.requireNonNull(EventLabels.of(b, 0, b.length).get(EventLabels.RECORD_ID), line));
        }
        return ids;
    }

    @Test
    void aLoopbackTimestampAuthorityStampsTheCheckpointsAndTheBundleVerifiesWithItsRoot() throws IOException {
        try (LoopbackTsaServer tsa = LoopbackTsaServer.start(TestTimestampAuthority.forLog("loopback"),
                Clock.systemUTC())) {
            Path chain = dir.resolve("tsa-ca.pem");
            Files.writeString(chain, tsa.authority().chainPem());
            Path out = dir.resolve("stamped");
            Run s = seal(out, HOOP.toString(), "--tsa", tsa.url().toString(), "--tsa-chain", chain.toString());
            assertThat(s.exit()).as(s.out() + s.err()).isZero();
            assertThat(tsa.requests()).isGreaterThanOrEqualTo(2); // the probe, then each checkpoint
            assertThat(out.resolve("timestamps/tsa-chain.pem")).exists();
            Run v = verify(out, "--trust-tsa", chain.toString());
            assertThat(v.exit()).as(v.out() + v.err()).isZero();
            assertThat(v.out()).doesNotContain("TIMESTAMP_");
        }
    }

    @Test
    void anUnreachableTimestampAuthorityExitsSixAndLeavesNoBundle() throws IOException {
        java.net.URI gone;
        try (LoopbackTsaServer tsa = LoopbackTsaServer.start(TestTimestampAuthority.forLog("loopback"),
                Clock.systemUTC())) {
            gone = tsa.url();
        }
        Path out = dir.resolve("unreachable");
        Run s = seal(out, HOOP.toString(), "--tsa", gone.toString());
        assertThat(s.exit()).isEqualTo(SealCommand.EXIT_TSA);
        assertThat(s.err()).contains(gone.toString()).contains("cannot be reached");
        assertNothingLeft(out);
    }

    @Test
    void aTimestampAuthorityThatTurnsToGarbageMidwayExitsSixAndLeavesNoBundle() throws IOException {
        try (LoopbackTsaServer tsa = LoopbackTsaServer.start(TestTimestampAuthority.forLog("loopback"),
                Clock.systemUTC())) {
            Path chain = dir.resolve("tsa-ca-2.pem");
            Files.writeString(chain, tsa.authority().chainPem());
            tsa.behave(LoopbackTsaServer.Behaviour.GARBAGE, 1); // the probe passes, the checkpoint's stamp does not
            Path out = dir.resolve("garbage");
            Run s = seal(out, HOOP.toString(), "--tsa", tsa.url().toString(), "--tsa-chain", chain.toString());
            assertThat(s.exit()).as(s.out() + s.err()).isEqualTo(SealCommand.EXIT_TSA);
            assertThat(s.err()).contains(tsa.url().toString()).contains("no usable token");
            assertNothingLeft(out);
        }
    }

    @Test
    void aTimestampAuthorityAnsweringAnHttpErrorIsNamedWithItsStatus() throws IOException {
        try (LoopbackTsaServer tsa = LoopbackTsaServer.start(TestTimestampAuthority.forLog("loopback"),
                Clock.systemUTC())) {
            tsa.behave(LoopbackTsaServer.Behaviour.UNAVAILABLE);
            Path out = dir.resolve("http-503");
            Run s = seal(out, HOOP.toString(), "--tsa", tsa.url().toString());
            assertThat(s.exit()).isEqualTo(SealCommand.EXIT_TSA);
            assertThat(s.err()).contains(tsa.url() + " answered HTTP 503");
            assertNothingLeft(out);
        }
    }

    @Test
    void aTimestampAuthorityThatRejectsIsNamedWithItsPkiStatus() throws IOException {
        try (LoopbackTsaServer tsa = LoopbackTsaServer.start(TestTimestampAuthority.forLog("loopback"),
                Clock.systemUTC())) {
            tsa.behave(LoopbackTsaServer.Behaviour.REJECT);
            Path out = dir.resolve("rejected");
            Run s = seal(out, HOOP.toString(), "--tsa", tsa.url().toString());
            assertThat(s.exit()).isEqualTo(SealCommand.EXIT_TSA);
            assertThat(s.err()).contains(tsa.url().toString()).contains("status rejection (2)").contains("badAlg");
            assertNothingLeft(out);
        }
    }

    @Test
    void aSessionTooLargeForOneLineIsNotSealedAndSaysWhich() throws IOException {
        ObjectMapper json = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode session =
                (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(HOOP.toFile()).get(0);
        byte[] listing = "-rw-r--r-- 1 app app 4096 Mar  2 08:00 ledger.csv\n".repeat(25_000)
                .getBytes(StandardCharsets.UTF_8); // about 1.2 MB of output
        session.withArray("event_stream").addArray().add(1.5).add("o")
                .add(java.util.Base64.getEncoder().encodeToString(listing));
        Path big = dir.resolve("big-session.json");
        json.writeValue(big.toFile(), List.of(session));
        Path out = dir.resolve("too-large");
        Run s = seal(out, big.toString());
        assertThat(s.exit()).isEqualTo(SealtrailCommand.EXIT_USAGE);
        assertThat(s.err()).contains("big-session.json line ").contains("cannot be sealed");
        assertNothingLeft(out);
    }

    private static void assertNothingLeft(Path out) throws IOException {
        assertThat(out).doesNotExist();
        try (Stream<Path> siblings = Files.list(out.getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.startsWith("." + out.getFileName()));
        }
    }

    @Test
    void aCloudTrailTreeSealsAndVerifies() {
        Path out = dir.resolve("cloudtrail");
        Run s = seal(out, SourcesCliTest.GOLDEN.resolve("bucket").toString());
        assertThat(s.exit()).as(s.out() + s.err()).isZero();
        assertThat(s.out()).contains("records of cloudtrail");
        Run v = verify(out);
        assertThat(v.exit()).as(v.out() + v.err()).isZero();
    }

    @Test
    void aSyslogFileSealsAndVerifies() {
        Path out = dir.resolve("syslog.zip");
        Run s = seal(out, SYSLOG.toString(), "--year", "2026", "--zone", "Europe/Zurich");
        assertThat(s.exit()).as(s.out() + s.err()).isZero();
        assertThat(s.out()).contains("records of syslog");
        Run v = verify(out);
        assertThat(v.exit()).as(v.out() + v.err()).isZero();
    }

    @Test
    void anExportWithAnUnreadableRecordIsNotSealedAndSaysWhere() throws IOException {
        Path out = dir.resolve("bad-line");
        Run s = seal(out, HOOP_BAD_LINE.toString());
        assertThat(s.exit()).isEqualTo(SealtrailCommand.EXIT_USAGE);
        assertThat(s.err()).contains("cannot be read, so nothing was sealed").contains("sessions-bad-line.jsonl line ");
        assertNothingLeft(out);
    }

    @Test
    void continuingAnAlteredExportExitsOneAndLeavesNoBundle() throws IOException {
        Path altered = dir.resolve("altered");
        assertThat(seal(altered, SYSLOG.toString(), "--year", "2026").exit()).isZero();
        Path segment = altered.resolve("events/000000000000.jsonl");
        Files.writeString(segment, Files.readString(segment).replaceFirst("Failed password", "Failed passw0rd"));
        Path out = dir.resolve("after-altered");
        Run s = seal(out, HOOP.toString(), "--previous", altered.toString());
        assertThat(s.exit()).as(s.out() + s.err()).isEqualTo(SealtrailCommand.EXIT_INTEGRITY);
        assertThat(s.err()).contains("does not verify");
        assertNothingLeft(out);
    }

    @Test
    void aKeyFileThatIsNoKeyExitsFive() throws IOException {
        Path notAKey = dir.resolve("not-a.key");
        Files.writeString(notAKey, "hello\n");
        Run s = run("seal", "--key", notAKey.toString(), "--out", dir.resolve("nokey").toString(), HOOP.toString());
        assertThat(s.exit()).isEqualTo(SealCommand.EXIT_KEY);
        assertThat(s.err()).contains("not a signing key");
    }

    @Test
    void continuingAnotherKeysExportExitsFive() throws IOException {
        Path theirs = dir.resolve("theirs");
        Path theirKey = dir.resolve("their.key");
        Files.writeString(theirKey, NoteSigner.fromSeed(ORIGIN, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
                14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}).encode() + "\n");
        assertThat(run("seal", "--key", theirKey.toString(), "--out", theirs.toString(), SYSLOG.toString(), "--year",
                "2026").exit()).isZero();
        Path out = dir.resolve("mine-after-theirs");
        Run s = seal(out, HOOP.toString(), "--previous", theirs.toString());
        assertThat(s.exit()).isEqualTo(SealCommand.EXIT_KEY);
        assertThat(s.err()).contains("was not signed by the key given");
        assertNothingLeft(out);
    }
}
