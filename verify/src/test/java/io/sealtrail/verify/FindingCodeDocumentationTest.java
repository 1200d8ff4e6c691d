package io.sealtrail.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.model.FindingCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every finding code is documented for the people who read our reports and write exporters. */
class FindingCodeDocumentationTest {

    @Test
    void everyBundleFindingCodeIsInTheFormatSpecification() throws Exception {
        String spec = Files.readString(Path.of("..", "docs", "bundle-format.md"));
        for (FindingCode c : FindingCode.values()) {
            if (!c.name().startsWith("JOURNAL_") && !c.name().startsWith("CASE_")) {
                assertThat(spec).as("docs/bundle-format.md lists %s", c).contains("`" + c.name() + "`");
            }
        }
    }
}
