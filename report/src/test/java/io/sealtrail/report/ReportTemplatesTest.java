package io.sealtrail.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.CaseImporter;
import io.sealtrail.cases.ImportRecord;
import io.sealtrail.cases.JournalEntry;
import io.sealtrail.index.EventQuery;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.EventStanding;
import io.sealtrail.index.Hit;
import io.sealtrail.model.FindingCode;
import io.sealtrail.verify.BundleVerifier;
import io.sealtrail.verify.VerificationReport;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.gen.ActivitySimulator;
import io.sealtrail.verify.gen.BundleGenerator;
import io.sealtrail.verify.note.NoteSigner;
import io.sealtrail.verify.note.VerifierKey;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * The three templates on one case of two exports: the first with a 40-minute outage (a heartbeat gap), the
 * second altered in one event after signing. One annotation cites the altered event, one an intact event.
 */
class ReportTemplatesTest {
    static final long SEED = 11;
    static final NoteSigner AUDITOR = NoteSigner.fromSeed("auditor/test", new byte[32]);
    static final Instant NOW = Instant.parse("2026-04-01T09:00:00Z");
    static final Instant OUTAGE = Instant.parse("2026-03-02T07:00:00Z");
    static final BusinessHours HOURS = BusinessHours.parse("08:00-10:00", ZoneId.of("Europe/Zurich"));
    static final String QUERY = "event.outcome:(denied OR failure)";
    static final int CAP = 25;

    @TempDir
    static Path tmp;
    static VerifierKey key;
    static CaseFolder kase;
    static Path first;
    static Path second;
    static long alteredSeq;
    static String intactRef;
    static final Map<ReportTemplate, ReportModel> MODELS = new EnumMap<>(ReportTemplate.class);
    static final Map<ReportTemplate, Path> PDFS = new EnumMap<>(ReportTemplate.class);
    static final Map<ReportTemplate, String> TEXTS = new EnumMap<>(ReportTemplate.class);

    @BeforeAll
    static void buildReports() throws Exception {
        key = BundleGenerator.seededSigner(BundleGenerator.DEFAULT_ORIGIN, SEED).verifierKey();
        first = tmp.resolve("export-1.zip");
        Path intact = tmp.resolve("intact-2.zip");
        second = tmp.resolve("export-2.zip");
        BundleGenerator gen = new BundleGenerator();
        gen.generate(first, BundleGenerator.Options.defaults(3000, SEED).withLayout(1000, 2000)
                .withOutages(List.of(new ActivitySimulator.Outage(OUTAGE, Duration.ofMinutes(40)))), n -> { });
        gen.generate(intact, BundleGenerator.Options.defaults(3000, SEED).withLayout(1000, 2000).withPrevious(first), n -> { });
        alteredSeq = alter(intact, second);
        kase = CaseFolder.create(tmp.resolve("case"), "Incident 42", Clock.fixed(NOW, ZoneOffset.UTC));
        kase.journal().append(AUDITOR, JournalEntry.CASE_CREATED, Map.of("name", kase.name()));
        for (Path b : List.of(first, second)) {
            new CaseImporter().importBundle(kase, b, VerifyOptions.trusting(List.of(key)), AUDITOR,
                    CaseImporter.Progress.NONE, () -> false);
        }
        String secondId = kase.bundles().get(1).bundleId();
        try (EventSearch s = search()) {
            Hit h = s.search(EventQuery.of(QUERY), 1, null).hits().get(0);
            intactRef = h.bundleId() + ":" + h.seq();
        }
        for (String ref : List.of(intactRef, secondId + ":" + alteredSeq)) {
            kase.journal().append(AUDITOR, JournalEntry.ANNOTATION, Map.of("event", ref, "bookmark", "true",
                    "comment", "cited in the incident"));
        }
        for (ReportTemplate t : ReportTemplate.values()) {
            ReportOptions o = ReportOptions.of("Incident 42 — " + t.title(), "Zoë Müller", NOW, List.of(key))
                    .withVersion("0.1.0-test").withTemplate(t).withHours(HOURS).withTimelineCap(CAP)
                    .withRetention(ReportOptions.retention("90d"))
                    .withQuery(t == ReportTemplate.INCIDENT_TIMELINE ? QUERY : "*");
            ReportModel m = new ReportBuilder().build(kase, o);
            Path pdf = tmp.resolve(t.id() + ".pdf");
            try (var out = Files.newOutputStream(pdf)) {
                new ReportRenderer().render(m, out);
            }
            Files.createDirectories(Path.of("target"));
            Files.copy(pdf, Path.of("target", "report-sample-" + t.id() + ".pdf"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            MODELS.put(t, m);
            PDFS.put(t, pdf);
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                TEXTS.put(t, new PDFTextStripper().getText(doc));
            }
        }
    }

    /** Copies the zip, rewriting the first denied event of the events as a success; returns its seq. */
    static long alter(Path in, Path out) throws Exception {
        long seq = -1;
        try (ZipFile zip = new ZipFile(in.toFile()); ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
            Enumeration<? extends ZipEntry> en = zip.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                z.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream is = zip.getInputStream(e)) {
                    byte[] data = is.readAllBytes();
                    String text = new String(data, StandardCharsets.UTF_8);
                    int at = text.indexOf("\"outcome\":\"denied\"");
                    if (seq < 0 && e.getName().startsWith("events/") && at >= 0) {
                        int lineStart = text.lastIndexOf('\n', at) + 1;
                        String line = text.substring(lineStart, at);
                        seq = Long.parseLong(line.replaceAll("^\\{\"seq\":(\\d+),.*$", "$1"));
                        data = (text.substring(0, at) + "\"outcome\":\"success\"" + text.substring(at + 18))
                                .getBytes(StandardCharsets.UTF_8);
                    }
                    z.write(data);
                }
                z.closeEntry();
            }
        }
        assertThat(seq).isNotNegative();
        return seq;
    }

    static EventSearch search() throws Exception {
        List<Path> idx = new ArrayList<>();
        for (ImportRecord r : kase.bundles()) {
            idx.add(kase.bundleDir(r.bundleId()).resolve("index"));
        }
        return EventSearch.open(idx);
    }

    static String num(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    @Test
    void anUnknownTemplateNameNamesTheChoices() {
        assertThatThrownBy(() -> ReportTemplate.byId("timeline")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown report template \"timeline\"; choose one of access-review, incident-timeline, integrity");
        assertThat(ReportTemplate.byId("incident-timeline")).isEqualTo(ReportTemplate.INCIDENT_TIMELINE);
    }

    @Test
    void theIncidentTimelineListsTheFirstCappedEventsInSearchOrder() throws Exception {
        ReportModel.Timeline t = MODELS.get(ReportTemplate.INCIDENT_TIMELINE).timeline();
        try (EventSearch s = search()) {
            assertThat(t.total()).isEqualTo(s.count(EventQuery.of(QUERY))).isGreaterThan(CAP);
            assertThat(t.rows()).extracting(r -> r.bundleId() + ":" + r.seq()).containsExactlyElementsOf(
                    s.search(EventQuery.of(QUERY), CAP, null).hits().stream().map(h -> h.bundleId() + ":" + h.seq()).toList());
            assertThat(t.sessionCount()).isEqualTo(s.sessions(EventQuery.of(QUERY)).size());
            assertThat(t.broken()).isEqualTo(s.count(EventQuery.of("(" + QUERY + ") AND integrity:broken")));
        }
    }

    @Test
    void theIncidentTimelineStatesItsCapAndTheTrueCount() {
        ReportModel.Timeline t = MODELS.get(ReportTemplate.INCIDENT_TIMELINE).timeline();
        String text = TEXTS.get(ReportTemplate.INCIDENT_TIMELINE).replaceAll("\\s+", " ");
        assertThat(text).contains("Timeline of the selected events", "Sessions involved",
                t.queryId() + ": " + num(t.total()) + " events), in time order. The table stops after the first " + CAP
                        + " (the cap of this report); the remaining " + num(t.total() - CAP) + " are found by re-running "
                        + t.queryId() + ".");
    }

    @Test
    void theIntegrityReportListsEveryFindingOfEveryBundle() throws Exception {
        ReportModel m = MODELS.get(ReportTemplate.INTEGRITY);
        String text = TEXTS.get(ReportTemplate.INTEGRITY);
        for (int i = 0; i < 2; i++) {
            // the case holds the export the second continues, so the report verifies it against that one
            VerificationReport v = new BundleVerifier().verify(List.of(first, second).get(i),
                    VerifyOptions.trusting(List.of(key)).withPrevious(i == 0 ? null : first));
            ReportModel.BundleIntegrity b = m.integrity().bundles().get(i);
            assertThat(b.findings()).extracting(ReportModel.FindingRow::code)
                    .containsExactlyElementsOf(v.findings().stream().map(f -> f.code().name()).toList());
            assertThat(b.checkpoints()).hasSize(v.checkpoints().size());
            v.findings().forEach(f -> assertThat(text).contains(f.code().name()));
        }
        assertThat(m.integrity().bundles().get(0).heartbeatGaps()).extracting(ReportModel.FindingRow::code)
                .containsOnly(FindingCode.HEARTBEAT_GAP.name()).isNotEmpty();
    }

    @Test
    void theIntegrityReportDetailsTheAlteredEventWithBothEntryHashes() {
        ReportModel.BundleIntegrity b = MODELS.get(ReportTemplate.INTEGRITY).integrity().bundles().get(1);
        assertThat(b.altered()).singleElement().satisfies(a -> {
            assertThat(a.seq()).isEqualTo(alteredSeq);
            assertThat(a.signedEntryHash()).hasSize(64).isNotEqualTo(a.foundEntryHash());
            assertThat(a.outcome()).isEqualTo("success");
        });
        String text = TEXTS.get(ReportTemplate.INTEGRITY).replaceAll("\\s+", "");
        assertThat(text).contains("Alteredeventatseq" + alteredSeq, b.altered().get(0).signedEntryHash(),
                b.altered().get(0).foundEntryHash());
        assertThat(b.brokenEvents()).isPositive();
    }

    @Test
    void theIntegrityReportChecksContinuityAgainstThePreviousExportInTheCase() {
        List<ReportModel.BundleIntegrity> b = MODELS.get(ReportTemplate.INTEGRITY).integrity().bundles();
        assertThat(b.get(0).continuity().previousId()).isNull();
        assertThat(b.get(1).continuity().previousId()).isEqualTo(b.get(0).bundleId());
        assertThat(b.get(1).continuity().previousInCase()).isTrue();
        // the first export's heartbeat gap is an error, and a previous export that fails cannot vouch for the link
        // (docs/bundle-format.md section 12)
        assertThat(b.get(1).continuity().problems()).singleElement().asString()
                .contains("CONTINUITY_BROKEN", b.get(0).bundleId() + ", which this case holds, fails verification itself");
        assertThat(TEXTS.get(ReportTemplate.INTEGRITY).replaceAll("\\s+", " ")).contains("BROKEN against bundle 1")
                .doesNotContain("--previous");
    }

    @Test
    void anAlteredCitedEventIsCitedWithoutAProofAndSaysWhy() {
        ReportModel m = MODELS.get(ReportTemplate.INCIDENT_TIMELINE);
        assertThat(m.cited()).hasSize(2);
        assertThat(m.cited().get(0).proofFile()).isNotNull();
        ReportModel.CitedEvent altered = m.cited().get(1);
        assertThat(altered.seq()).isEqualTo(alteredSeq);
        assertThat(altered.proofFile()).isNull();
        assertThat(altered.standing()).isEqualTo(EventStanding.ALTERED.label());
        assertThat(altered.noProofReason()).startsWith("no inclusion proof can be made: the event at seq " + alteredSeq
                + " was changed after it was signed");
        assertThat(m.attachments()).extracting(ReportModel.Attachment::name).filteredOn(n -> n.endsWith(".tlog-proof"))
                .containsExactly(intactRef.replace(':', '-') + ".tlog-proof");
    }

    @Test
    void aReportCitingAnEventWithoutAProofDoesNotVerify() throws Exception {
        ReportVerifier.Result r = new ReportVerifier().verify(PDFS.get(ReportTemplate.INCIDENT_TIMELINE), List.of(key));
        assertThat(r.verdict()).isEqualTo(ReportVerifier.Verdict.BROKEN);
        assertThat(r.proofs()).extracting(ReportVerifier.ProofOutcome::status)
                .containsExactlyInAnyOrder(ReportVerifier.Status.PROVEN, ReportVerifier.Status.NOT_PROVEN);
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void retentionNamesTheStretchBeforeTheFirstEventAndTheOutage() {
        ReportModel.RetentionCoverage r = MODELS.get(ReportTemplate.ACCESS_REVIEW).retention();
        assertThat(r.windowTo()).isEqualTo(NOW);
        assertThat(r.windowFrom()).isEqualTo(Instant.parse("2026-01-01T09:00:00Z"));
        assertThat(r.uncovered()).extracting(ReportModel.Stretch::reason).first().isEqualTo("before the first event of the case");
        assertThat(r.uncovered().get(0).from()).isEqualTo(r.windowFrom());
        assertThat(r.uncovered().get(0).to()).isEqualTo(r.coveredFrom());
        assertThat(r.uncovered()).anySatisfy(s -> {
            assertThat(s.reason()).isEqualTo("heartbeat gap inside bundle 1 (HEARTBEAT_GAP)");
            assertThat(s.from()).isBefore(OUTAGE.plusSeconds(1));
            assertThat(Duration.between(s.from(), s.to())).isGreaterThanOrEqualTo(Duration.ofMinutes(40));
        });
        assertThat(r.uncovered()).last().extracting(ReportModel.Stretch::reason).isEqualTo("after the last event of the case");
        assertThat(TEXTS.get(ReportTemplate.ACCESS_REVIEW)).contains("Retention coverage", "Required: 90 days of audit log");
    }

    @Test
    void offHoursCountIsTheAccessEventsOutsideTheStatedBusinessHours() throws Exception {
        long expected;
        try (EventSearch s = search()) {
            long[] n = {0};
            s.export(EventQuery.of("NOT event.action:log.heartbeat"), h -> {
                ZonedDateTime local = h.time().atZone(ZoneId.of("Europe/Zurich"));
                LocalTime t = local.toLocalTime();
                boolean weekend = local.getDayOfWeek().getValue() >= 6;
                if (weekend || t.isBefore(LocalTime.of(8, 0)) || !t.isBefore(LocalTime.of(10, 0))) {
                    n[0]++;
                }
            });
            expected = n[0];
        }
        ReportModel.AccessSummary a = MODELS.get(ReportTemplate.ACCESS_REVIEW).access();
        assertThat(a.offHours()).isEqualTo(expected).isPositive().isLessThan(a.events());
        assertThat(TEXTS.get(ReportTemplate.ACCESS_REVIEW).replaceAll("\\s+", " ")).contains("Off-hours: off-hours means before "
                + "08:00 or from 10:00 on Monday to Friday, and all of Saturday and Sunday, local time in Europe/Zurich");
    }

    @Test
    void sourceFormatsAreCountedPerBundle() throws Exception {
        ReportModel.Completeness c = MODELS.get(ReportTemplate.ACCESS_REVIEW).completeness();
        try (EventSearch s = search()) {
            for (ReportModel.SourceRow r : c.sources()) {
                assertThat(r.events()).isEqualTo(s.count(EventQuery.of("bundle.id:\"" + r.bundleId() + "\" AND source.format:\""
                        + r.sourceFormat() + "\"")));
            }
        }
        assertThat(c.sources()).extracting(ReportModel.SourceRow::sourceFormat).containsOnly("sealtrail").hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(ReportTemplate.class)
    void everyQueryOfTheAppendixReproducesItsCountAndResultSetHash(ReportTemplate t) throws Exception {
        ReportModel m = MODELS.get(t);
        try (EventSearch s = search()) {
            for (ReportModel.QueryRecord q : m.queries()) {
                List<String> keys = new ArrayList<>();
                s.export(new EventQuery(q.query(), q.from(), q.to()), h -> keys.add(h.bundleId() + ":" + h.seq()));
                assertThat(keys).as(q.id() + " " + q.query()).hasSize((int) q.count());
                assertThat(QueryLog.resultSetHash(keys)).as(q.id() + " " + q.query()).isEqualTo(q.resultSha256());
            }
        }
        String tsv = new String(m.attachments().stream().filter(a -> a.name().equals("queries.tsv")).findFirst().orElseThrow()
                .content(), StandardCharsets.UTF_8);
        assertThat(tsv.lines().count()).isEqualTo(1 + m.queries().size());
        String text = TEXTS.get(t).replaceAll("\\s+", "");
        for (ReportModel.QueryRecord q : m.queries()) {
            assertThat(text).contains(q.resultSha256());
        }
    }

    @ParameterizedTest
    @EnumSource(ReportTemplate.class)
    void everyTemplateIsValidPdfA3b(ReportTemplate t) throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        try (InputStream in = Files.newInputStream(PDFS.get(t));
             PDFAParser parser = Foundries.defaultInstance().createParser(in, PDFAFlavour.PDFA_3_B);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
            ValidationResult result = validator.validate(parser);
            String failures = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage())
                    .distinct().collect(Collectors.joining("\n"));
            assertThat(result.isCompliant()).as(failures).isTrue();
        }
    }
}
