package io.sealtrail.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.index.IndexTap;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.gen.BundleGenerator;
import io.sealtrail.verify.note.NoteSigner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import done again from the case's evidence copy: the tap sees every event the import indexed, and a replay told
 * otherwise than the import was (another syslog year) is refused, naming the first event and field that differ; the
 * case is left as it was either way.
 */
class ImportReplayTest {
    static final NoteSigner AUDITOR = NoteSigner.fromSeed("auditor/test@host", new byte[32]);
    static final long SEED = 37;

    @TempDir
    static Path shared;
    static Path bundle;
    static VerifyOptions trust;

    @TempDir
    Path tmp;
    CaseFolder c;
    ImportRecord imported;

    @BeforeAll
    static void generate() throws Exception {
        bundle = shared.resolve("b.zip");
        new BundleGenerator().generate(bundle, BundleGenerator.Options.defaults(3000, SEED).withLayout(1000, 1500),
                n -> { });
        trust = VerifyOptions.trusting(List.of(BundleGenerator.seededSigner(BundleGenerator.DEFAULT_ORIGIN, SEED)
                .verifierKey()));
    }

    @BeforeEach
    void importIt() throws Exception {
        c = CaseFolder.create(tmp.resolve("case"), "test", Clock.systemUTC());
        c.journal().append(AUDITOR, JournalEntry.CASE_CREATED, Map.of("name", "test"));
        imported = new CaseImporter().importBundle(c, bundle, trust, AUDITOR, CaseImporter.Progress.NONE, () -> false)
                .record();
    }

    private List<String> tree() throws Exception {
        try (Stream<Path> walk = Files.walk(c.dir())) {
            return walk.map(p -> c.dir().relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void aReplayShowsTheTapEveryEventTheImportIndexed() throws Exception {
        List<String> before = tree();
        AtomicLong seen = new AtomicLong();
        IndexTap tap = events -> seen.addAndGet(events.size());

        ImportReplay.replay(c, imported, trust, SourceImporter.Options.DEFAULT, CaseImporter.Progress.NONE, () -> false,
                tap);

        assertThat(seen.get()).isEqualTo(3000);
        assertThat(tree()).isEqualTo(before);
    }

    @Test
    void aReplayReadOtherwiseThanTheImportIsRefusedNamingTheFirstDifference() throws Exception {
        Path log = tmp.resolve("auth.log");
        Files.writeString(log, "Mar  2 06:05:00 bastion sshd[1]: Accepted publickey for alice from 10.0.0.5 port 2 ssh2\n"
                + "Mar  2 06:06:00 bastion sshd[2]: Accepted publickey for bob from 10.0.0.6 port 2 ssh2\n");
        ImportRecord source = new SourceImporter().importSource(c, log, new SourceImporter.Options(null, null, 2025,
                null, null), AUDITOR, CaseImporter.Progress.NONE, () -> false).record();
        List<String> before = tree();

        // the year the lines do not carry: the import was told 2025
        assertThatThrownBy(() -> ImportReplay.replay(c, source, trust, new SourceImporter.Options(null, null, 2024,
                null, null), CaseImporter.Progress.NONE, () -> false, events -> { }))
                .isInstanceOf(ImportReplay.DifferentException.class)
                .hasMessageContaining("auth.log (" + source.bundleId() + ") gives other events now")
                .hasMessageContaining("event 1 (leaf 0) has time 2024-03-02T06:05:00Z now, 2025-03-02T06:05:00Z in the"
                        + " case's index");
        assertThat(tree()).isEqualTo(before);
    }

    @Test
    void aSourceReadAsItWasImportedReplaysAlike() throws Exception {
        Path log = tmp.resolve("auth.log");
        Files.writeString(log, "Mar  2 06:05:00 bastion sshd[1]: Accepted publickey for alice from 10.0.0.5 port 2 ssh2\n");
        SourceImporter.Options asImported = new SourceImporter.Options(null, null, 2025, null, null);
        ImportRecord source = new SourceImporter().importSource(c, log, asImported, AUDITOR,
                CaseImporter.Progress.NONE, () -> false).record();
        AtomicLong seen = new AtomicLong();

        ImportReplay.replay(c, source, trust, asImported, CaseImporter.Progress.NONE, () -> false,
                events -> seen.addAndGet(events.size()));

        assertThat(seen.get()).isEqualTo(1);
    }
}
