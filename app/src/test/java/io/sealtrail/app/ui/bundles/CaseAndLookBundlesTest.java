package io.sealtrail.app.ui.bundles;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.ui.TestBundles;
import io.sealtrail.app.ui.trust.TrustViewModel;
import io.sealtrail.verify.BundleVerifier;
import io.sealtrail.verify.trust.TrustStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A case's bundles and the files opened for a look, kept apart, and the received file's size and SHA-256. */
class CaseAndLookBundlesTest {
    private static final Executor NOW = Runnable::run;

    @TempDir
    static Path shared;
    private static Path intact;
    private static Path altered;

    @TempDir
    Path tmp;

    @BeforeAll
    static void bundles() throws Exception {
        altered = TestBundles.altered(shared); // also writes the intact one
        intact = shared.resolve("small.zip");
    }

    private WorkbenchViewModel vm() {
        TrustStore store = new TrustStore(tmp.resolve("config").resolve(TrustStore.FILE_NAME));
        return new WorkbenchViewModel(new BundleVerifier()::verify, new TrustViewModel(store, NOW, NOW), NOW, NOW, 2);
    }

    private Path copy(Path bundle, String name) throws Exception {
        Path to = tmp.resolve(name);
        Files.copy(bundle, to);
        return to;
    }

    @Test
    void aFileOpenedForALookIsListedAfterTheCasesBundlesAndNotCountedAsOne() throws Exception {
        WorkbenchViewModel vm = vm();
        vm.openCase(List.of(copy(intact, "case-1.zip"), copy(intact, "case-2.zip")));
        String before = vm.statusProperty().get();
        assertThat(before).isEqualTo("The case's 2 bundles: 2 intact but not trusted.");

        vm.open(List.of(altered));
        assertThat(vm.bundles()).extracting(BundleViewModel::name).containsExactly("case-1.zip", "case-2.zip", "small-altered.zip");
        assertThat(vm.bundles()).extracting(BundleViewModel::inCase).containsExactly(true, true, false);
        assertThat(vm.statusProperty().get()).startsWith(before)
                .endsWith(" Opened for a look, not in the case: 1 bundle: 1 integrity failure.");
    }

    @Test
    void theCasesBundlesStayFirstWhenTheCaseOpensAfterALook() throws Exception {
        WorkbenchViewModel vm = vm();
        vm.open(List.of(altered));
        vm.openCase(List.of(copy(intact, "case-1.zip")));
        assertThat(vm.bundles()).extracting(BundleViewModel::name).containsExactly("case-1.zip", "small-altered.zip");
    }

    @Test
    void anotherCaseReplacesThePreviousCasesBundlesAndKeepsTheLooks() throws Exception {
        WorkbenchViewModel vm = vm();
        vm.openCase(List.of(copy(intact, "first-case.zip")));
        vm.open(List.of(altered));
        vm.openCase(List.of(copy(intact, "second-case.zip")));
        assertThat(vm.bundles()).extracting(BundleViewModel::name).containsExactly("second-case.zip", "small-altered.zip");
        assertThat(vm.statusProperty().get()).startsWith("The case's 1 bundle: ");
    }

    @Test
    void withNoCaseOpenTheStatusCountsTheFilesOpened() {
        WorkbenchViewModel vm = vm();
        vm.open(List.of(altered));
        assertThat(vm.statusProperty().get()).isEqualTo("Checked 1 bundle: 1 integrity failure.");
    }

    @Test
    void theReceivedFilesSizeAndSha256AreTheBytesOnDisk() throws Exception {
        WorkbenchViewModel vm = vm();
        vm.open(List.of(intact));
        byte[] bytes = Files.readAllBytes(intact);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(vm.selected().received()).isEqualTo(new BundleViewModel.Received(bytes.length, sha, ""));
    }

    @Test
    void aBundleFolderHasNoSingleFileToHash() throws Exception {
        Path folder = Files.createDirectory(tmp.resolve("unpacked"));
        assertThat(WorkbenchViewModel.received(folder).folder()).isTrue();
        assertThat(WorkbenchViewModel.received(tmp.resolve("gone.zip")).problem()).startsWith("cannot be read: ");
    }
}
