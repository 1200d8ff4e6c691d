package io.sealtrail.verify.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sealtrail.testing.FuzzBounds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the manifest codec (docs/testing.md, "Fuzzing"): it documents only {@link ManifestCodec.ManifestException},
 * and a manifest it accepts is written back to bytes it accepts again as the same manifest. Seeds: the conformance
 * kit's manifests.
 */
@Timeout(10) // per input; read by Jazzer as libFuzzer's -timeout too (docs/testing.md, "Fuzzing")
class ManifestFuzzTest {

    @BeforeAll
    static void loadClasses() {
        try {
            ManifestCodec.read("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (ManifestCodec.ManifestException expected) {
            // only Jackson's classes were wanted
        }
    }

    @FuzzTest(maxDuration = "60s")
    void aManifestIsReadOrRefusedAndWrittenBackAlike(byte[] json) throws ManifestCodec.ManifestException {
        FuzzBounds bounds = FuzzBounds.start(json.length);
        Manifest manifest;
        try {
            manifest = ManifestCodec.read(json);
        } catch (ManifestCodec.ManifestException e) {
            assertThat(e.getMessage()).isNotBlank();
            bounds.check();
            return;
        }
        byte[] written = ManifestCodec.write(manifest);
        bounds.check();

        assertThat(ManifestCodec.write(ManifestCodec.read(written))).isEqualTo(written);
    }
}
