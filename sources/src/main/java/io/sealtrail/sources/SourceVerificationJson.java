package io.sealtrail.sources;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A source's verification as JSON (the case's verification.json for a source), written at import and read back
 * by reports and the workbench, so they show the verdict the import reached without the auditor's key files.
 */
public final class SourceVerificationJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SourceVerificationJson() {
    }

    public static void write(SourceVerification v, Path file) throws IOException {
        JSON.writeValue(file.toFile(), v);
    }

    public static SourceVerification read(Path file) throws IOException {
        try {
            return JSON.readValue(file.toFile(), SourceVerification.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + " is not a valid source verification: " + e.getOriginalMessage(), e);
        }
    }
}
