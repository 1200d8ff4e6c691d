package io.sealtrail.sources;

import io.sealtrail.model.AuditEvent;
import io.sealtrail.model.Finding;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One format's reading of one file in a test: the records in the order they came, and the findings. */
public record FormatRun(List<SourceRecord> records, List<Finding> findings) {

    public static FormatRun of(SourceFormat format, String resource, ReadContext context, Instant modified) {
        try (InputStream in = Objects.requireNonNull(FormatRun.class.getResourceAsStream(resource), resource)) {
            return of(format, in, resource.substring(resource.lastIndexOf('/') + 1), context, modified);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FormatRun ofText(SourceFormat format, String text, ReadContext context, Instant modified) {
        return of(format, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.log", context,
                modified);
    }

    private static FormatRun of(SourceFormat format, InputStream in, String name, ReadContext context,
                                Instant modified) {
        List<SourceRecord> records = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        try {
            format.read(in, new SourceFile(name, modified), context.withFindings(findings::add), records::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FormatRun(records, findings);
    }

    public static Head head(String resource) {
        try (InputStream in = Objects.requireNonNull(FormatRun.class.getResourceAsStream(resource), resource)) {
            byte[] b = in.readNBytes(Head.MAX_BYTES);
            return new Head(b, b.length, in.read() < 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<AuditEvent> events() {
        return records.stream().filter(r -> !r.isMalformed()).map(SourceRecord::event).toList();
    }

    public List<SourceRecord> malformed() {
        return records.stream().filter(SourceRecord::isMalformed).toList();
    }

    public long count(AuditEvent.Outcome outcome) {
        return events().stream().filter(e -> e.outcome() == outcome).count();
    }

    public static String text(SourceRecord r) {
        return new String(r.raw(), StandardCharsets.UTF_8);
    }
}
