package io.sealtrail.app.ui.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trust › CloudTrail keys…: the keys are checked, kept beside the trust store, and used by later imports. */
class CloudTrailKeysTest {
    static final Path KEYS = Path.of("../index/src/test/resources/cloudtrail-golden/cloudtrail-keys.json");

    @TempDir
    Path config;

    private ImportViewModel model() {
        ImportViewModel vm = new ImportViewModel(Runnable::run, Runnable::run, () -> null, List::of, List::of,
                config.resolve("cases"), p -> { });
        vm.keepCloudTrailKeysIn(config);
        return vm;
    }

    @Test
    void trustedKeysAreKeptAndFoundByTheNextImport() throws Exception {
        ImportViewModel vm = model();
        assertThat(vm.cloudTrailKeys()).isNull();
        assertThat(vm.trustCloudTrailKeys(KEYS).fingerprints()).hasSize(1);
        assertThat(vm.cloudTrailKeys()).isEqualTo(config.resolve("cloudtrail-keys.json"));
        assertThat(Files.readString(vm.cloudTrailKeys())).isEqualTo(Files.readString(KEYS));
    }

    @Test
    void aFileThatHoldsNoKeysIsRefusedAndNothingIsKept() throws Exception {
        ImportViewModel vm = model();
        Path junk = Files.writeString(config.resolve("junk.json"), "{\"not\":\"keys\"}");
        assertThatThrownBy(() -> vm.trustCloudTrailKeys(junk)).hasMessageContaining("PublicKeyList");
        assertThat(vm.cloudTrailKeys()).isNull();
    }
}
