package io.sealtrail.tools.demo;

import io.sealtrail.app.demo.DemoBundles;
import io.sealtrail.app.demo.DemoTimestamps;
import io.sealtrail.cases.CaseFiles;
import io.sealtrail.tools.gen.TestTsaForGeneratedLogs;
import io.sealtrail.verify.bundle.BundleFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Records the demo's checkpoint timestamps from the test TSA, for the resource the product replays
 * (app/src/main/resources/io/sealtrail/app/demo/demo-timestamps.txt): needed again only when the demo's evidence
 * changes, which making the demo then says. Usage: RecordDemoTimestamps OUT_FILE.
 */
public final class RecordDemoTimestamps {
    private RecordDemoTimestamps() {
    }

    public static void main(String[] args) throws IOException, BundleFormatException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: RecordDemoTimestamps OUT_FILE");
        }
        Files.writeString(Path.of(args[0]), record(), StandardCharsets.US_ASCII);
    }

    /** Makes the demo in a temporary folder with the test TSA, and returns what it answered, as the resource's text. */
    public static String record() throws IOException, BundleFormatException {
        Path dir = Files.createTempDirectory("sealtrail-demo-timestamps");
        try {
            DemoTimestamps.Recorder recorder = new DemoTimestamps.Recorder(new TestTsaForGeneratedLogs());
            DemoBundles.create(dir, recorder);
            return recorder.text();
        } finally {
            CaseFiles.deleteTree(dir);
        }
    }
}
