package io.sealtrail.app.ui.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.ui.ManualExecutor;
import io.sealtrail.app.ui.TestBundles;
import io.sealtrail.app.ui.search.TestCase;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.index.EventQuery;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.Hit;
import io.sealtrail.index.HitFields;
import io.sealtrail.index.HitFormat;
import io.sealtrail.verify.note.TlogProof;
import io.sealtrail.verify.note.VerifierKey;
import io.sealtrail.verify.proof.EventProofs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports from the workbench, without the toolkit, from the demo case (only read). */
class ExportViewModelTest {
    private static CaseFolder kase;
    private static EventSearch index;

    private final ManualExecutor background = new ManualExecutor();
    @TempDir
    Path tmp;
    private ExportViewModel vm;

    @BeforeAll
    static void openDemoCase() throws Exception {
        kase = CaseFolder.open(TestCase.demoCase(), Clock.systemUTC());
        index = TestCase.openIndex();
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    @BeforeEach
    void setUp() {
        vm = new ExportViewModel(background, Runnable::run);
    }


    @Test
    void csvExportHasAHeaderAndEveryMatchWithNoCap() throws Exception {
        long denied = index.count(EventQuery.of("event.outcome:denied"));
        assertThat(denied).isGreaterThan(EventSearch.MAX_PAGE / 10);
        Path out = tmp.resolve("denied.csv");
        vm.exportResults(index, EventQuery.of("event.outcome:denied"), HitFormat.CSV, out);
        background.drain();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo(String.join(",", HitFormat.CSV_COLUMNS));
        assertThat(lines).hasSize((int) denied + 1);
        assertThat(vm.messageProperty().get()).contains(String.format("%,d", denied));
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void csvOfChosenColumnsHasThoseFieldsInThatOrder() throws Exception {
        Path out = tmp.resolve("chosen.csv");
        vm.exportCsv(index, EventQuery.of("seq:[0 TO 4]"), List.of("seq", "user.name", "source.ip", "user.roles"), out);
        background.drain();
        List<Hit> hits = new ArrayList<>();
        index.export(EventQuery.of("seq:[0 TO 4]"), hits::add);

        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("seq,user.name,source.ip,user.roles");
        Hit h = hits.get(0);
        assertThat(lines.get(1)).isEqualTo(String.join(",", List.of(Long.toString(h.seq()), HitFields.value(h, "user.name"),
                HitFields.value(h, "source.ip"), HitFormat.csv(HitFields.value(h, "user.roles")))));
        assertThat(lines).hasSize(hits.size() + 1);
    }

    @Test
    void csvOfAllFieldsNamesEverySchemaFieldAndTheRawRecord() throws Exception {
        Path out = tmp.resolve("all-fields.csv");
        vm.exportCsv(index, EventQuery.of("seq:0"), HitFormat.ALL_FIELDS, out);
        background.drain();

        String header = Files.readAllLines(out, StandardCharsets.UTF_8).get(0);
        assertThat(header.split(",")).startsWith("time", "bundle.id", "seq").contains("auth.mfa", "target.account",
                "event.reason", "user.roles", "session.id").endsWith("raw");
    }

    @Test
    void jsonlExportIsTheEvidenceLinesByteForByte() throws Exception {
        Path out = tmp.resolve("first.jsonl");
        vm.exportResults(index, EventQuery.of("seq:[0 TO 4]"), HitFormat.JSONL, out);
        background.drain();
        List<String> expected = new ArrayList<>();
        index.export(EventQuery.of("seq:[0 TO 4]"), h -> expected.add(h.raw()));
        assertThat(Files.readAllLines(out, StandardCharsets.UTF_8)).isEqualTo(expected).hasSize(5); // the second export continues the log at 30,000
    }

    @Test
    void aCancelledExportLeavesNoFileBehind() throws Exception {
        Path out = tmp.resolve("all.csv");
        vm.exportResults(index, EventQuery.all(), HitFormat.CSV, out);
        vm.cancel();
        background.drain();
        assertThat(out).doesNotExist();
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s).isEmpty();
        }
        assertThat(vm.messageProperty().get()).contains("cancelled");
    }

    @Test
    void aRedactedExportWithNothingToRecordItInIsRefusedAndWritesNothing() throws Exception {
        Path out = tmp.resolve("redacted.csv");
        vm.redaction().standard();
        vm.exportResults(index, EventQuery.all(), HitFormat.CSV, out);
        background.drain();
        assertThat(vm.errorProperty().get()).contains("needs the open case and the auditor's key to record it");
        assertThat(out).doesNotExist();
    }

    @Test
    void anExportIntoAMissingFolderFailsWithAMessage() {
        vm.exportResults(index, EventQuery.all(), HitFormat.CSV, tmp.resolve("no/such/dir/x.csv"));
        background.drain();
        assertThat(vm.errorProperty().get()).startsWith("The export failed");
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void anExportedProofVerifiesUnderTheLogKeyWithoutTheBundle() throws Exception {
        Hit h = index.search(EventQuery.of("event.outcome:denied"), 1, null).hits().get(0);
        Path out = tmp.resolve("e.tlog-proof");
        vm.exportProof(kase, h, out);
        background.drain();
        assertThat(vm.errorProperty().get()).isEmpty();
        TlogProof proof = TlogProof.parse(Files.readAllBytes(out));
        VerifierKey key = VerifierKey.parse(Files.readString(TestBundles.demo().vkey()).strip());
        assertThat(EventProofs.verify(proof, null, List.of(key)).problems()).isEmpty();
        assertThat(proof.index()).isEqualTo(h.seq());
    }
}
