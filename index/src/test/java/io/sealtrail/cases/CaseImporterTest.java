package io.sealtrail.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.index.EventQuery;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.EventStanding;
import io.sealtrail.index.Hit;
import io.sealtrail.index.Integrity;
import io.sealtrail.model.Verdict;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.bundle.BundleFormatException;
import io.sealtrail.verify.gen.BundleGenerator;
import io.sealtrail.verify.note.NoteSigner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An import is all or nothing, and never touches the bundle the user named. */
class CaseImporterTest {
    static final NoteSigner AUDITOR = NoteSigner.fromSeed("auditor/test@host", new byte[32]);
    static final long SEED = 31;

    @TempDir
    static Path shared;
    static Path bundle;
    static VerifyOptions trust;

    @TempDir
    Path tmp;
    CaseFolder c;

    @BeforeAll
    static void generate() throws Exception {
        bundle = shared.resolve("b.zip");
        new BundleGenerator().generate(bundle, BundleGenerator.Options.defaults(4000, SEED).withLayout(1000, 2000), n -> { });
        trust = VerifyOptions.trusting(List.of(BundleGenerator.seededSigner(BundleGenerator.DEFAULT_ORIGIN, SEED)
                .verifierKey()));
    }

    @BeforeEach
    void newCase() throws Exception {
        c = CaseFolder.create(tmp.resolve("case"), "test", Clock.systemUTC());
        c.journal().append(AUDITOR, JournalEntry.CASE_CREATED, Map.of("name", "test"));
    }

    private List<String> tree() throws Exception {
        try (Stream<Path> walk = Files.walk(c.dir())) {
            return walk.map(p -> c.dir().relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void anImportIsJournaledWithItsVerdictAndFilesRecorded() throws Exception {
        CaseImporter.Result r = new CaseImporter().importBundle(c, bundle, trust, AUDITOR, CaseImporter.Progress.NONE,
                () -> false);
        assertThat(r.report().verdict()).isEqualTo(Verdict.VERIFIED);
        assertThat(c.bundles()).singleElement().satisfies(b -> {
            assertThat(b.events()).isEqualTo(4000);
            assertThat(b.files()).anySatisfy(f -> assertThat(f.path()).isEqualTo("evidence/b.zip"));
            assertThat(b.files()).anySatisfy(f -> assertThat(f.path()).startsWith("index/"));
        });
        assertThat(c.journal().entries()).extracting(JournalEntry::type)
                .containsExactly(JournalEntry.CASE_CREATED, JournalEntry.IMPORT);
        assertThat(new CaseVerifier().verify(c, List.of(AUDITOR.verifierKey())).ok()).isTrue();
    }

    @Test
    void anEventOfABundleImportedWithItsSignerTrustedIsProven() throws Exception {
        new CaseImporter().importBundle(c, bundle, trust, AUDITOR, CaseImporter.Progress.NONE, () -> false);
        try (EventSearch s = c.openSearch(c.bundles())) {
            Hit h = s.search(EventQuery.all(), 1, null).hits().get(0);
            assertThat(s.standing(h)).isEqualTo(EventStanding.PROVEN);
        }
    }

    @Test
    void anEventOfABundleImportedTrustingNobodyIsProvenWithAnUntrustedSigner() throws Exception {
        new CaseImporter().importBundle(c, bundle, VerifyOptions.trusting(List.of()), AUDITOR,
                CaseImporter.Progress.NONE, () -> false);
        try (EventSearch s = c.openSearch(c.bundles())) {
            Hit h = s.search(EventQuery.all(), 1, null).hits().get(0);
            assertThat(h.integrity()).isEqualTo(Integrity.VERIFIED);
            assertThat(s.standing(h)).isEqualTo(EventStanding.PROVEN_UNTRUSTED);
        }
    }

    @Test
    void aCancelledImportLeavesTheCaseAsItWas() throws Exception {
        List<String> before = tree();
        byte[] journal = Files.readAllBytes(c.journal().file());
        AtomicBoolean cancel = new AtomicBoolean();
        assertThatThrownBy(() -> new CaseImporter().importBundle(c, bundle, trust, AUDITOR,
                (phase, done, total) -> cancel.compareAndSet(false, phase.equals("indexing") && done > 0),
                cancel::get)).isInstanceOf(CancellationException.class);
        assertThat(tree()).isEqualTo(before);
        assertThat(Files.readAllBytes(c.journal().file())).isEqualTo(journal);
        assertThat(c.bundles()).isEmpty();
    }

    @Test
    void anImportByAKeyThatDoesNotHoldTheCaseIsRefusedBeforeAnythingIsWritten() throws Exception {
        NoteSigner other = NoteSigner.fromSeed("auditor/other@host", CaseJournalTest.filled(9));
        List<String> before = tree();
        assertThatThrownBy(() -> new CaseImporter().importBundle(c, bundle, trust, other, CaseImporter.Progress.NONE,
                () -> false)).isInstanceOf(java.io.IOException.class).hasMessageContaining("held by " + AUDITOR.name());
        assertThat(tree()).isEqualTo(before);
    }

    @Test
    void theSameBundleIsNotImportedTwice() throws Exception {
        new CaseImporter().importBundle(c, bundle, trust, AUDITOR, CaseImporter.Progress.NONE, () -> false);
        assertThatThrownBy(() -> new CaseImporter().importBundle(c, bundle, trust, AUDITOR, CaseImporter.Progress.NONE,
                () -> false)).isInstanceOf(BundleFormatException.class).hasMessageContaining("already in this case");
        assertThat(c.bundles()).hasSize(1);
    }

    @Test
    void leftoversOfAnInterruptedImportAreRemovedBeforeTheNext() throws Exception {
        Files.createDirectories(c.dir().resolve(".staging-crashed/evidence"));
        Files.createDirectories(c.bundleDir("never-journaled").resolve("evidence"));
        new CaseImporter().importBundle(c, bundle, trust, AUDITOR, CaseImporter.Progress.NONE, () -> false);
        assertThat(c.dir().resolve(".staging-crashed")).doesNotExist();
        assertThat(c.bundleDir("never-journaled")).doesNotExist();
        assertThat(c.bundles()).hasSize(1);
    }
}
