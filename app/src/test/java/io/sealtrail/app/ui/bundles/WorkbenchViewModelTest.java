package io.sealtrail.app.ui.bundles;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.ui.TestBundles;
import io.sealtrail.app.ui.trust.TrustViewModel;
import io.sealtrail.model.Severity;
import io.sealtrail.model.Verdict;
import io.sealtrail.verify.BundleVerifier;
import io.sealtrail.verify.note.VerifierKey;
import io.sealtrail.verify.trust.TrustStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ViewModels without the FX toolkit (STYLE 8): JavaFX properties and collections work without it, and
 * both executors are injected — here synchronous, or a queue the test runs in the order it chooses.
 */
class WorkbenchViewModelTest {
    private static final Executor NOW = Runnable::run;

    @TempDir
    static Path shared;
    private static Path intact;
    private static Path altered;

    @TempDir
    Path tmp;
    private TrustStore store;

    @BeforeAll
    static void bundles() throws Exception {
        altered = TestBundles.altered(shared); // also writes the intact one
        intact = shared.resolve("small.zip");
    }

    @BeforeEach
    void emptyTrustStore() {
        store = new TrustStore(tmp.resolve("config").resolve(TrustStore.FILE_NAME));
    }

    private WorkbenchViewModel vm(Executor background) {
        TrustViewModel trust = new TrustViewModel(store, background, NOW);
        return new WorkbenchViewModel(new BundleVerifier()::verify, trust, background, NOW, 2);
    }

    @Test
    void anEventIsCoveredByTheSmallestCheckpointAboveItsLeafAndTrustFollowsTheVerification() {
        WorkbenchViewModel vm = vm(NOW);
        vm.open(List.of(intact));
        String id = vm.selected().summary().bundleId();
        assertThat(vm.covering(id, 0).treeSize()).isEqualTo(1_000L);
        assertThat(vm.covering(id, 999).treeSize()).isEqualTo(1_000L);
        assertThat(vm.covering(id, 1_000).treeSize()).isEqualTo(2_000L);
        assertThat(vm.covering(id, 2_999).treeSize()).isEqualTo(3_000L);
        assertThat(vm.covering(id, 3_000)).as("after the last checkpoint").isNull();
        assertThat(vm.covering("no-such-bundle", 0)).isNull();
        assertThat(vm.covering(id, 5).trusted()).isFalse();

        vm.trust().trustForSession(TestBundles.key()); // re-verifies: the same checkpoint is now trusted
        assertThat(vm.covering(id, 5).trusted()).isTrue();
    }

    @Test
    void verifiedWhenTheSignerIsTrustedForTheSession() {
        WorkbenchViewModel vm = vm(NOW);
        VerifierKey key = TestBundles.key();
        vm.setDemo(true);
        vm.trust().trustForSession(key);
        vm.open(List.of(intact));

        BundleViewModel b = vm.selected();
        assertThat(b.state()).isEqualTo(BundleViewModel.State.DONE);
        assertThat(b.verdict()).isEqualTo(Verdict.VERIFIED);
        assertThat(b.banner().kind()).isEqualTo(Banner.Kind.VERIFIED);
        assertThat(b.banner().headline())
                .isEqualTo("Verified: signed by " + key.name() + " (" + key.fingerprint() + ")");
        assertThat(b.banner().detail()).contains("for this session only");
        BundleSummary s = b.summary();
        assertThat(s.origin()).isEqualTo(key.name());
        assertThat(s.leafRange()).isEqualTo("[0, 3,000)");
        assertThat(s.events()).startsWith("3,000 in 2 segments");
        assertThat(s.checkpoints()).startsWith("3, ");
        assertThat(b.checkpoints()).extracting(CheckpointRow::treeSize).containsExactly(1_000L, 2_000L, 3_000L);
        assertThat(b.checkpoints()).allMatch(CheckpointRow::rootVerified).allMatch(CheckpointRow::trusted);
        assertThat(b.keys()).singleElement().satisfies(k -> {
            assertThat(k.fingerprint()).isEqualTo(key.fingerprint());
            assertThat(k.trust()).isEqualTo("trusted for this session only");
        });
        assertThat(vm.trustNoticeProperty().get()).startsWith("Demo: trusting the demo key " + key.name())
                .contains(key.fingerprint()).contains("session only");
        assertThat(vm.titleProperty().get()).isEqualTo("Sealtrail — small.zip");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("Checked 1 bundle: 1 verified.");
        assertThat(store.file()).doesNotExist(); // session trust never writes the store
    }

    @Test
    void intactButUntrustedWithoutKeysAndFindingsFilterBySeverity() {
        WorkbenchViewModel vm = vm(NOW);
        vm.open(List.of(intact));

        BundleViewModel b = vm.selected();
        assertThat(b.banner().kind()).isEqualTo(Banner.Kind.UNTRUSTED);
        assertThat(b.banner().headline()).isEqualTo("Intact but not signed by a key you trust");
        assertThat(vm.visibleFindings()).extracting(FindingRow::code).contains("SIGNATURE_UNTRUSTED_KEY");
        assertThat(vm.countProperty(Severity.ERROR).get()).isZero();
        int warnings = vm.countProperty(Severity.WARNING).get();
        assertThat(warnings).isPositive();

        vm.showProperty(Severity.WARNING).set(false);
        assertThat(vm.visibleFindings()).noneMatch(f -> f.severity() == Severity.WARNING);
        vm.showProperty(Severity.WARNING).set(true);
        assertThat(vm.visibleFindings()).filteredOn(f -> f.severity() == Severity.WARNING).hasSize(warnings);
        assertThat(b.keys()).singleElement().extracting(KeyRow::trust).isEqualTo("not trusted");
    }

    @Test
    void alteredBundleIsAnIntegrityFailureWithTheBrokenChainInTheFindings() {
        WorkbenchViewModel vm = vm(NOW);
        vm.trust().trustForSession(TestBundles.key());
        vm.open(List.of(altered));

        BundleViewModel b = vm.selected();
        int errors = vm.countProperty(Severity.ERROR).get();
        assertThat(errors).isPositive();
        assertThat(b.banner().kind()).isEqualTo(Banner.Kind.FAILURE);
        assertThat(b.banner().headline()).isEqualTo("Integrity failure: " + errors + " errors");
        assertThat(vm.visibleFindings()).extracting(FindingRow::code).contains("CHAIN_BROKEN", "FILE_HASH_MISMATCH");
        FindingRow chain = vm.visibleFindings().stream().filter(f -> f.code().equals("CHAIN_BROKEN")).findFirst().orElseThrow();
        assertThat(chain.severityText()).isEqualTo("Error");
        assertThat(chain.location()).startsWith("events/");
        assertThat(chain.details()).containsKeys("expected", "found");
    }

    @Test
    void aStaleResultIsDroppedWhenANewerVerificationFinishedFirst() {
        Deque<Runnable> queue = new ArrayDeque<>();
        WorkbenchViewModel vm = vm(queue::add);
        vm.open(List.of(intact));                          // generation 1: no key trusted
        vm.trust().trustForSession(TestBundles.key());     // generation 2: the signer trusted
        assertThat(queue).hasSize(2);
        BundleViewModel b = vm.selected();
        assertThat(b.state()).isEqualTo(BundleViewModel.State.QUEUED);
        assertThat(vm.busyProperty().get()).isTrue();

        Runnable first = queue.pollFirst();
        queue.pollLast().run();                            // the newer one finishes first
        assertThat(b.verdict()).isEqualTo(Verdict.VERIFIED);
        first.run();                                       // the older one: cancelled, and stale anyway
        assertThat(b.verdict()).isEqualTo(Verdict.VERIFIED);
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aStaleResultThatStillRunsIsDropped() {
        // A job already past its cancellation point still delivers; its lane drops it.
        List<Runnable> jobs = new ArrayList<>();
        Executor background = jobs::add;
        TrustViewModel trust = new TrustViewModel(store, NOW, NOW);
        BundleVerifier real = new BundleVerifier();
        WorkbenchViewModel[] vm = new WorkbenchViewModel[1];
        vm[0] = new WorkbenchViewModel((p, o, pr) -> {
            var report = real.verify(p, o, pr);
            vm[0].verifySelected();                        // re-verified meanwhile, past this job's last interrupt check
            return report;
        }, trust, background, NOW, 1);
        vm[0].open(List.of(intact));
        Runnable stale = jobs.get(0);
        BundleViewModel b = vm[0].selected();
        stale.run();
        Thread.interrupted(); // the re-verification interrupted the stale job, which ran on this thread
        assertThat(b.state()).isEqualTo(BundleViewModel.State.QUEUED);
        assertThat(b.summary()).isNull();
    }

    @Test
    void cancelStopsQueuedVerificationsAndSaysSo() {
        Deque<Runnable> queue = new ArrayDeque<>();
        WorkbenchViewModel vm = vm(queue::add);
        vm.open(List.of(intact, altered));
        assertThat(vm.statusProperty().get()).contains("Verifying").contains("1 more waiting");
        vm.cancelAll();
        queue.forEach(Runnable::run);
        assertThat(vm.bundles()).allSatisfy(b -> {
            assertThat(b.state()).isEqualTo(BundleViewModel.State.CANCELLED);
            assertThat(b.banner().headline()).isEqualTo("Verification cancelled");
        });
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void trustingAKeyInTheStoreReverifiesOpenBundles() throws Exception {
        WorkbenchViewModel vm = vm(NOW);
        vm.open(List.of(intact));
        assertThat(vm.selected().verdict()).isEqualTo(Verdict.INTACT_UNTRUSTED);

        VerifierKey key = TestBundles.key();
        vm.trust().candidateTextProperty().set("# from the producer\n" + key.encode() + "\n");
        assertThat(vm.trust().candidate()).isEqualTo(key);
        vm.trust().trustCandidate();

        assertThat(store.keys()).containsExactly(key);
        assertThat(vm.selected().verdict()).isEqualTo(Verdict.VERIFIED);
        assertThat(vm.selected().keys()).singleElement().extracting(KeyRow::trust).isEqualTo("trusted");
        assertThat(vm.trust().keys()).singleElement().satisfies(r -> assertThat(r.sessionOnly()).isFalse());
        assertThat(vm.trustNoticeProperty().get()).isEmpty();
    }

    @Test
    void aCandidateThatIsNotAKeyIsExplained() {
        TrustViewModel trust = new TrustViewModel(store, NOW, NOW);
        trust.candidateTextProperty().set("not a key");
        assertThat(trust.candidate()).isNull();
        assertThat(trust.candidateProblemProperty().get()).startsWith("Not a verifier key:");
        trust.trustCandidate();
        assertThat(store.file()).doesNotExist();
    }

    @Test
    void somethingThatIsNotABundleIsUnreadable() throws Exception {
        Path junk = Files.writeString(tmp.resolve("notes.txt"), "hello");
        WorkbenchViewModel vm = vm(NOW);
        vm.open(List.of(junk));
        assertThat(vm.selected().state()).isEqualTo(BundleViewModel.State.UNREADABLE);
        assertThat(vm.selected().banner().headline()).isEqualTo("Not a readable bundle");
    }

    @Test
    void aCaseFolderOpenedAsABundleSaysItIsACaseAndHowToOpenIt() throws Exception {
        Path caseDir = tmp.resolve("a-case");
        io.sealtrail.cases.CaseFolder.create(caseDir, "a case", java.time.Clock.systemUTC());
        WorkbenchViewModel vm = vm(NOW);
        vm.open(List.of(caseDir));
        assertThat(vm.selected().state()).isEqualTo(BundleViewModel.State.UNREADABLE);
        assertThat(vm.selected().banner().detail()).contains("is a case folder, not a bundle")
                .contains("File › Open case…");
    }

    @Test
    void openingTheSameBundleTwiceSelectsItAndClosingSelectsTheNext() {
        WorkbenchViewModel vm = vm(NOW);
        vm.open(List.of(intact, altered));
        vm.open(List.of(intact));
        assertThat(vm.bundles()).hasSize(2);
        assertThat(vm.selected().name()).isEqualTo("small.zip");
        vm.closeSelected();
        assertThat(vm.bundles()).hasSize(1);
        assertThat(vm.selected().name()).isEqualTo("small-altered.zip");
        assertThat(vm.titleProperty().get()).isEqualTo("Sealtrail — small-altered.zip");
    }
}
