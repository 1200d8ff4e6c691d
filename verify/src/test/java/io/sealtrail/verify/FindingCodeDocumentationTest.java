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
            if (!c.name().startsWith("JOURNAL_") && !c.name().startsWith("CASE_") && !isSourceCode(c)
                    && !c.name().startsWith("REPORT_")) {
                assertThat(spec).as("docs/bundle-format.md lists %s", c).contains("`" + c.name() + "`");
            }
        }
    }

    @Test
    void everySourceFindingCodeIsInTheSourcesDocument() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "sources.md"));
        for (FindingCode c : FindingCode.values()) {
            if (isSourceCode(c)) {
                assertThat(doc).as("docs/sources.md lists %s", c).contains("`" + c.name() + "`");
            }
        }
    }

    @Test
    void everyReportFindingCodeIsInTheReportsDocument() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "reports.md"));
        for (FindingCode c : FindingCode.values()) {
            if (c.name().startsWith("REPORT_")) {
                assertThat(doc).as("docs/reports.md lists %s", c).contains("`" + c.name() + "`");
            }
        }
    }

    /** The codes of sources other than bundles (docs/sources.md), not of the bundle format. */
    private static boolean isSourceCode(FindingCode c) {
        return c.name().startsWith("CLOUDTRAIL_") || c.name().startsWith("SOURCE_") || c.name().startsWith("RECORD_")
                || c == FindingCode.TIME_ASSUMED || c == FindingCode.GZIP_TRAILING_DATA;
    }
}
