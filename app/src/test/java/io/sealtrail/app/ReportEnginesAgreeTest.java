package io.sealtrail.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.cases.CaseFolder;
import io.sealtrail.opensearch.ClusterConnection;
import io.sealtrail.report.ReportBuilder;
import io.sealtrail.report.ReportModel;
import io.sealtrail.report.ReportOptions;
import io.sealtrail.report.ReportSearch;
import io.sealtrail.report.ReportTemplate;
import io.sealtrail.verify.note.VerifierKey;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same case reported from its local index and from OpenSearch, where it was sent when imported: every query of
 * the report (its count and result-set hash), every figure and section, and every cited event with its proof are
 * the same; only the line naming the engine differs.
 */
class ReportEnginesAgreeTest {
    private static final Instant NOW = Instant.parse("2029-06-01T12:00:00Z");
    private static ClusterCaseFixture fixture;
    private static CaseFolder kase;
    private static CaseEngine.Opened cluster;
    private static List<VerifierKey> trusted;

    @BeforeAll
    static void open() throws Exception {
        fixture = ClusterCaseFixture.shared();
        kase = CaseFolder.open(fixture.caseDir, Clock.systemUTC());
        cluster = CaseEngine.open(kase, kase.bundles(), ClusterConnection::open, false);
        trusted = List.of(VerifierKey.parse(Files.readString(fixture.vkey).strip()));
    }

    @AfterAll
    static void close() throws Exception {
        cluster.search().close();
    }

    @Test
    void theAccessReviewOfThreeYearsHasTheLocalFiguresQueriesAndCitedEvents() throws Exception {
        ReportOptions o = options(ReportTemplate.ACCESS_REVIEW);
        ReportModel local = new ReportBuilder().build(kase, o);
        ReportModel fromCluster = new ReportBuilder().build(kase, o, cluster.forReport());

        // the off-hours clause: more windows than one OpenSearch request may hold as ranges
        assertThat(local.access().offHoursWindows()).hasSizeGreaterThan(512);
        assertThat(local.access().offHours()).isPositive().isLessThan(local.access().events());
        assertThat(local.cited()).hasSize(3).allSatisfy(c -> assertThat(c.proofFile()).isNotNull());
        assertSame(fromCluster, local);
    }

    @Test
    void theIncidentTimelineHasTheLocalEventsAndCitedEvents() throws Exception {
        ReportOptions o = options(ReportTemplate.INCIDENT_TIMELINE).withQuery("event.outcome:denied OR command.keyword:sudo*");
        ReportModel local = new ReportBuilder().build(kase, o);

        assertThat(local.timeline().rows()).isNotEmpty();
        assertSame(new ReportBuilder().build(kase, o, cluster.forReport()), local);
    }

    @Test
    void theIntegrityReportHasTheLocalFindingsAndCounts() throws Exception {
        ReportOptions o = options(ReportTemplate.INTEGRITY);
        ReportModel local = new ReportBuilder().build(kase, o);

        assertSame(new ReportBuilder().build(kase, o, cluster.forReport()), local);
    }

    @Test
    void aNarrowedAccessReviewInAnotherZoneHasTheLocalFigures() throws Exception {
        ReportOptions o = options(ReportTemplate.ACCESS_REVIEW).withQuery("NOT user.name:svc-*")
                .withPeriod(Instant.parse("2026-06-01T00:00:00Z"), Instant.parse("2028-06-01T00:00:00Z"))
                .withHours(io.sealtrail.report.BusinessHours.parse("08:00-18:00", java.time.ZoneId.of("Asia/Tokyo")));
        ReportModel local = new ReportBuilder().build(kase, o);

        assertThat(local.access().offHoursWindows()).hasSizeGreaterThan(256);
        assertSame(new ReportBuilder().build(kase, o, cluster.forReport()), local);
    }

    @Test
    void theClusterReportNamesTheClusterAndTheCasesAlias() throws Exception {
        ReportSearch engine = cluster.forReport();

        assertThat(engine.answeredBy()).isEqualTo("OpenSearch at " + fixture.url + " (alias "
                + ClusterCaseFixture.PREFIX + "-case-" + kase.id() + ")");
        assertThat(new ReportBuilder().build(kase, options(ReportTemplate.INTEGRITY), engine).header().searchedBy())
                .isEqualTo(engine.answeredBy());
    }

    private static ReportOptions options(ReportTemplate t) {
        return ReportOptions.of("Engines", "Auditor", NOW, trusted).withTemplate(t).withVersion("test");
    }

    /** Everything but the line naming the engine, attachments (cited-events.csv, queries.tsv, proofs) byte for byte. */
    private static void assertSame(ReportModel fromCluster, ReportModel local) {
        assertThat(local.header().searchedBy()).isEqualTo(ReportSearch.LOCAL);
        assertThat(fromCluster.header().searchedBy()).startsWith("OpenSearch at ");
        assertThat(fromCluster.queries()).containsExactlyElementsOf(local.queries());
        assertThat(fromCluster).usingRecursiveComparison().ignoringFields("header.searchedBy").isEqualTo(local);
    }
}
