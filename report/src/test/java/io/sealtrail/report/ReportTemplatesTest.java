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
import io.sealtrail.index.FacetValue;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
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

/**
 * The three templates on one case of two exports: the first with a 40-minute outage (a heartbeat gap), the
 * second altered in one event after signing. One annotation cites the altered event, two an intact event. The
 * last tests read the reports as a reviewer does (issue 14 item 10): verdicts first, failed figures marked, the
 * period the evidence spans, no command-line advice, whole hashes, and the access review's per-user questions.
 */
class ReportTemplatesTest {
    static final long SEED = 11;
    static final NoteSigner AUDITOR = NoteSigner.fromSeed("auditor/test", new byte[32]);
    static final Instant NOW = Instant.parse("2026-04-01T09:00:00Z");
    static final Instant OUTAGE = Instant.parse("2026-03-02T07:00:00Z");
    static final BusinessHours HOURS = BusinessHours.parse("08:00-10:00", ZoneId.of("Europe/Zurich"));
    static final String QUERY = "event.outcome:(denied OR failure)";
    static final int CAP = 25;
    static final String SECOND_LOOK = "second look: the owner confirmed the ticket";

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
    static final Map<ReportTemplate, String> FIRST_PAGES = new EnumMap<>(ReportTemplate.class);

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
        kase.journal().append(AUDITOR, JournalEntry.ANNOTATION, Map.of("event", intactRef, "comment", SECOND_LOOK,
                "tags", "follow-up"));
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
                PDFTextStripper first = new PDFTextStripper();
                first.setEndPage(1);
                FIRST_PAGES.put(t, first.getText(doc));
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
    void retentionIsMeasuredAgainstTheCasesPeriodNotTheDayOfWriting() {
        ReportModel m = MODELS.get(ReportTemplate.ACCESS_REVIEW);
        ReportModel.RetentionCoverage r = m.retention();
        assertThat(m.header().lastEvent()).isBefore(NOW.minus(Duration.ofDays(7)));
        assertThat(r.windowTo()).isEqualTo(m.header().lastEvent());
        assertThat(r.windowFrom()).isEqualTo(m.header().lastEvent().minus(Duration.ofDays(90)));
        assertThat(r.uncovered()).extracting(ReportModel.Stretch::reason).doesNotContain("after the last event of the case");
    }

    @Test
    void retentionNamesTheStretchBeforeTheFirstEventAndTheOutage() {
        ReportModel.RetentionCoverage r = MODELS.get(ReportTemplate.ACCESS_REVIEW).retention();
        assertThat(r.uncovered()).extracting(ReportModel.Stretch::reason).first().isEqualTo("before the first event of the case");
        assertThat(r.uncovered().get(0).from()).isEqualTo(r.windowFrom());
        assertThat(r.uncovered().get(0).to()).isEqualTo(r.coveredFrom());
        assertThat(r.uncovered()).anySatisfy(s -> {
            assertThat(s.reason()).isEqualTo("heartbeat gap inside bundle 1 (HEARTBEAT_GAP)");
            assertThat(s.from()).isBefore(OUTAGE.plusSeconds(1));
            assertThat(Duration.between(s.from(), s.to())).isGreaterThanOrEqualTo(Duration.ofMinutes(40));
        });
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
        VeraPdf.assertPdfA3b(PDFS.get(t));
    }

    // issue 14 item 10: the reports read as a reviewer reads them

    static String layoutText(Path pdf) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/pdftotext")), "poppler-utils not installed");
        return ReportTest.run("/usr/bin/pdftotext", "-layout", pdf.toString(), "-");
    }

    @ParameterizedTest
    @EnumSource(ReportTemplate.class)
    void theFirstPageGivesEachBundlesVerdictInOneWord(ReportTemplate t) {
        List<String> lines = FIRST_PAGES.get(t).lines().toList();
        // the outage fails the first export (HEARTBEAT_GAP is an error), the altered event the second
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("export-1.zip", "FAILED"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("export-2.zip", "FAILED"));
    }

    @Test
    void figuresFromFailedExportsAreMarkedAsSuch() throws Exception {
        ReportModel m = MODELS.get(ReportTemplate.ACCESS_REVIEW);
        assertThat(m.provenance()).allMatch(ReportModel.BundleProvenance::failed);
        try (EventSearch s = search()) {
            assertThat(m.header().failedEvents()).isEqualTo(s.count(EventQuery.all())).isPositive();
        }
        String text = TEXTS.get(ReportTemplate.ACCESS_REVIEW).replaceAll("\\s+", " ");
        assertThat(text).contains("of which " + num(m.header().failedEvents()) + " from exports that FAILED verification ("
                + m.header().failedQueryId() + ")", "Bundle 1 FAILED", "Bundle 2 FAILED", "of them from FAILED exports");
        assertThat(m.access().review().users()).allSatisfy(u -> assertThat(u.fromFailedExports()).isEqualTo(u.events()));
    }

    @Test
    void anOpenPeriodIsTheCasesFirstAndLastEvent() throws Exception {
        ReportModel m = MODELS.get(ReportTemplate.ACCESS_REVIEW);
        try (EventSearch s = search()) {
            io.sealtrail.index.ResultSet all = s.resultSet(EventQuery.all());
            assertThat(m.header().firstEvent()).isEqualTo(all.first());
            assertThat(m.header().lastEvent()).isEqualTo(all.last());
        }
        String text = TEXTS.get(ReportTemplate.INCIDENT_TIMELINE).replaceAll("\\s+", " ");
        ReportTimes times = new ReportTimes(m.header().zone());
        assertThat(text).contains("Period " + times.time(m.header().firstEvent()) + " to "
                + times.time(m.header().lastEvent()) + " (the case's first and last event").doesNotContain("open to open");
    }

    @ParameterizedTest
    @EnumSource(ReportTemplate.class)
    void noPageGivesCommandLineAdvice(ReportTemplate t) {
        String text = TEXTS.get(t).replaceAll("\\s+", " ");
        assertThat(text).doesNotContainPattern("\\b(?:pass|with|use|run|add it with|or) --[a-z]")
                .doesNotContain("'sealtrail ");
    }

    @Test
    void anEventAnnotatedTwiceIsCitedOnceWithBothComments() {
        ReportModel m = MODELS.get(ReportTemplate.ACCESS_REVIEW);
        assertThat(m.cited()).hasSize(2);
        assertThat(m.cited().get(0).notes()).extracting(ReportModel.Note::comment)
                .containsExactly("cited in the incident", SECOND_LOOK);
        String text = TEXTS.get(ReportTemplate.ACCESS_REVIEW).replaceAll("\\s+", " ");
        assertThat(text).contains("Cited event 1:", "Cited event 2:", SECOND_LOOK).doesNotContain("Cited event 3:");
    }

    /**
     * The decision: a cited event's hashes stand whole on a line of their own; any other hash too wide for its cell
     * wraps at a fixed width, in halves or quarters (32 or 16 hex characters), never at the character that reached the
     * edge. So every run of hex digits in the text is a whole SHA-256 (64), a half (32), or short.
     */
    @ParameterizedTest
    @EnumSource(ReportTemplate.class)
    void hashesAreWholeOrWrappedAtFixedWidths(ReportTemplate t) throws Exception {
        String text = layoutText(PDFS.get(t));
        for (ReportModel.CitedEvent c : MODELS.get(t).cited()) {
            assertThat(text).contains(c.entryHash());
        }
        Matcher hex = Pattern.compile("[0-9a-f]{17,}").matcher(text);
        List<String> broken = new ArrayList<>();
        while (hex.find()) {
            if (hex.group().length() != 64 && hex.group().length() != 32) {
                broken.add(hex.group());
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void everyPrivilegedAccessIsListedPerUser() throws Exception {
        ReportModel.AccessReview r = MODELS.get(ReportTemplate.ACCESS_REVIEW).access().review();
        try (EventSearch s = search()) {
            List<FacetValue> users = s.facets(EventQuery.of(AccessReviewSection.PRIVILEGED), "user.name", 1000);
            assertThat(r.privilegedEvents()).isEqualTo(s.count(EventQuery.of(AccessReviewSection.PRIVILEGED))).isPositive();
            assertThat(r.privileged()).extracting(ReportModel.PrivilegedRow::user)
                    .containsExactlyElementsOf(users.stream().map(FacetValue::value).toList());
            assertThat(r.privileged().stream().mapToLong(ReportModel.PrivilegedRow::events).sum()).isEqualTo(r.privilegedEvents());
        }
        assertThat(TEXTS.get(ReportTemplate.ACCESS_REVIEW)).contains("Privileged access", "root ");
    }

    @Test
    void mfaCoverageIsCountedPerUserFromAuthMfa() throws Exception {
        ReportModel.AccessReview r = MODELS.get(ReportTemplate.ACCESS_REVIEW).access().review();
        try (EventSearch s = search()) {
            for (ReportModel.UserReview u : r.users()) {
                String user = "user.name:\"" + u.name() + "\"";
                assertThat(u.mfa()).as(u.name()).isEqualTo(s.count(EventQuery.of(user + " AND auth.mfa:true")));
                assertThat(u.noMfa()).as(u.name()).isEqualTo(s.count(EventQuery.of(user + " AND auth.mfa:false")));
            }
        }
        assertThat(r.users()).anySatisfy(u -> assertThat(u.mfa() + u.noMfa()).isPositive());
        assertThat(TEXTS.get(ReportTemplate.ACCESS_REVIEW).replaceAll("\\s+", " ")).contains("Authenticated without MFA");
    }

    @Test
    void accountsWithFailuresAreNamed() throws Exception {
        ReportModel.AccessReview r = MODELS.get(ReportTemplate.ACCESS_REVIEW).access().review();
        Map<String, Long> failures = new HashMap<>();
        try (EventSearch s = search()) {
            s.facets(EventQuery.of("event.outcome:(failure OR denied)"), "user.name", 1000)
                    .forEach(f -> failures.put(f.value(), f.count()));
        }
        assertThat(r.users()).allSatisfy(u -> assertThat(u.failures()).isEqualTo(failures.getOrDefault(u.name(), 0L)));
        String failing = r.users().stream().filter(u -> u.failures() > 0).map(ReportModel.UserReview::name).findFirst()
                .orElseThrow();
        assertThat(TEXTS.get(ReportTemplate.ACCESS_REVIEW).replaceAll("\\s+", " ")).containsPattern(
                "Accounts with failures \\d+: [^\\n]*" + Pattern.quote(failing));
    }

    @Test
    void theUserTableHasAColumnForTheReviewersConclusion() {
        assertThat(TEXTS.get(ReportTemplate.ACCESS_REVIEW).replaceAll("\\s+", " ")).contains("Reviewer's conclusion");
    }

    @Test
    void accountsFirstSeenLateInAPeriodAreNewAndThoseSilentAtItsEndAreDormant() throws Exception {
        ReportModel open = MODELS.get(ReportTemplate.ACCESS_REVIEW);
        assertThat(open.access().review().users()).noneMatch(ReportModel.UserReview::isNew)
                .noneMatch(ReportModel.UserReview::dormant);
        // the same evidence reviewed over a period that starts 60 days before it and ends 120 days after it
        ReportOptions o = ReportOptions.of("Wide period", "Zoë Müller", NOW, List.of(key))
                .withPeriod(open.header().firstEvent().minus(Duration.ofDays(60)), open.header().lastEvent().plus(Duration.ofDays(120)));
        ReportModel wide = new ReportBuilder().build(kase, o);
        assertThat(wide.access().review().users()).isNotEmpty().allMatch(ReportModel.UserReview::isNew)
                .allMatch(ReportModel.UserReview::dormant);
        Path pdf = tmp.resolve("wide.pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            new ReportRenderer().render(wide, out);
        }
        assertThat(layoutText(pdf)).contains("NEW", "DORMANT");
    }

    @Test
    void aLongStretchWithoutEventsIsOneRowOfTheCompletenessTable() throws Exception {
        ReportModel m = MODELS.get(ReportTemplate.ACCESS_REVIEW);
        ReportModel.Completeness c = m.completeness();
        // a 2023 sample beside this year's exports: three years of empty days between them
        List<LocalDate> days = new ArrayList<>();
        LocalDate first = LocalDate.of(2023, 5, 1);
        LocalDate last = c.days().get(c.days().size() - 1);
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            days.add(d);
        }
        Map<String, long[]> perDay = new LinkedHashMap<>();
        for (String b : c.bundleIds()) {
            long[] counts = new long[days.size()];
            counts[0] = 5; // the sample's day
            long[] real = c.perDay().get(b);
            System.arraycopy(real, 0, counts, days.size() - real.length, real.length);
            perDay.put(b, counts);
        }
        ReportModel.Completeness sparse = new ReportModel.Completeness(days, c.bundleIds(), perDay, c.histogramQueryId(),
                c.sources(), c.checks(), c.findings(), c.findingsTotal());
        ReportModel wide = new ReportModel(m.header(), m.provenance(), sparse, m.fieldCoverage(), m.access(), m.timeline(),
                m.integrity(), m.retention(), m.cited(), m.queries(), m.attachments());
        Path pdf = tmp.resolve("sparse.pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            new ReportRenderer().render(wide, out);
        }
        String text = layoutText(pdf);
        assertThat(text).contains("no events from 2023-05-02 to ", "stretch(es) of 7 or more days without any event are each one row")
                .doesNotContain("2023-05-03");
        long pages;
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            pages = doc.getNumberOfPages();
        }
        try (var doc = org.apache.pdfbox.Loader.loadPDF(PDFS.get(ReportTemplate.ACCESS_REVIEW).toFile())) {
            assertThat(pages).isLessThanOrEqualTo(doc.getNumberOfPages() + 1);
        }
    }
}
