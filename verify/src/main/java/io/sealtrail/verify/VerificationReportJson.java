package io.sealtrail.verify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.sealtrail.model.Finding;
import io.sealtrail.model.Severity;
import io.sealtrail.verify.bundle.Manifest;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/** The machine-readable form of a verification (the CLI's --json): one JSON document. */
public final class VerificationReportJson {
    private VerificationReportJson() {
    }

    public static void write(VerificationReport r, Writer out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("bundle", r.bundle());
            g.writeStringField("verdict", r.verdict().name());
            g.writeNumberField("exit_code", r.verdict().exitCode());
            Manifest m = r.manifest();
            if (m != null) {
                g.writeStringField("origin", m.origin());
                g.writeStringField("bundle_id", m.bundleId());
                g.writeObjectFieldStart("leaf_range");
                g.writeNumberField("start", m.start());
                g.writeNumberField("end", m.end());
                g.writeEndObject();
                g.writeObjectFieldStart("time_range");
                g.writeStringField("from", m.timeFrom().toString());
                g.writeStringField("to", m.timeTo().toString());
                g.writeEndObject();
            }
            g.writeObjectFieldStart("counts");
            g.writeNumberField("events", r.events());
            g.writeNumberField("segments", r.segments());
            g.writeNumberField("event_bytes", r.eventBytes());
            g.writeNumberField("checkpoints", r.checkpoints().size());
            g.writeNumberField("errors", r.count(Severity.ERROR));
            g.writeNumberField("warnings", r.count(Severity.WARNING));
            g.writeNumberField("infos", r.count(Severity.INFO));
            g.writeEndObject();
            g.writeArrayFieldStart("keys");
            for (VerificationReport.KeySummary k : r.keys()) {
                g.writeStartObject();
                g.writeStringField("name", k.name());
                g.writeStringField("key_id", k.keyId());
                g.writeStringField("fingerprint", k.fingerprint());
                g.writeStringField("vkey", k.vkey());
                g.writeBooleanField("declared", k.declared());
                g.writeBooleanField("trusted", k.trusted());
                g.writeBooleanField("signed", k.signed());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("checkpoints");
            for (VerificationReport.CheckpointSummary c : r.checkpoints()) {
                g.writeStartObject();
                g.writeStringField("file", c.file());
                g.writeNumberField("tree_size", c.treeSize());
                g.writeStringField("root_hash", c.rootHash());
                g.writeBooleanField("root_verified", c.rootVerified());
                g.writeBooleanField("root_verified_with_altered_events", c.rootVerifiedWithAlterations());
                g.writeBooleanField("trusted", c.trusted());
                g.writeArrayFieldStart("signed_by");
                for (String s : c.signedBy()) {
                    g.writeString(s);
                }
                g.writeEndArray();
                if (c.timestamp() != null) {
                    g.writeObjectFieldStart("timestamp");
                    g.writeStringField("gen_time", c.timestamp().toString());
                    g.writeStringField("authority", c.timestampAuthority());
                    g.writeBooleanField("authority_trusted", c.timestampAuthorityTrusted());
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("findings");
            for (Finding f : r.findings()) {
                g.writeStartObject();
                g.writeStringField("severity", f.severity().name());
                g.writeStringField("code", f.code().name());
                g.writeStringField("message", f.message());
                g.writeObjectFieldStart("location");
                if (f.location().file() != null) {
                    g.writeStringField("file", f.location().file());
                }
                if (f.location().line() >= 0) {
                    g.writeNumberField("line", f.location().line());
                }
                if (f.location().seq() >= 0) {
                    g.writeNumberField("seq", f.location().seq());
                }
                g.writeEndObject();
                if (!f.details().isEmpty()) {
                    g.writeObjectFieldStart("details");
                    for (Map.Entry<String, String> d : new java.util.TreeMap<>(f.details()).entrySet()) {
                        g.writeStringField(d.getKey(), d.getValue());
                    }
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("elapsed_ms", r.elapsed().toMillis());
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }
}
