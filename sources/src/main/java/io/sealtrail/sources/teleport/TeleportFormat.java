package io.sealtrail.sources.teleport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.sealtrail.sources.Head;
import io.sealtrail.sources.LineReader;
import io.sealtrail.sources.ReadContext;
import io.sealtrail.sources.RecordSink;
import io.sealtrail.sources.SourceFile;
import io.sealtrail.sources.SourceFormat;
import io.sealtrail.sources.SourceRecord;
import io.sealtrail.sources.Times;
import io.sealtrail.sources.jsonl.FirstObject;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Teleport audit events as exported (the audit log's JSON Lines, {@code tctl}/event-handler exports): one
 * event object per line, each with its name ({@code event}), code and time. Mapping and decisions:
 * docs/sources.md.
 */
public final class TeleportFormat implements SourceFormat {
    public static final String NAME = "teleport";
    /** Teleport's event codes (lib/events/codes.go): letters, digits, then I (info), W (warning), E (error) or S. */
    static final Pattern CODE = Pattern.compile("[A-Z]{1,12}[0-9]{2,6}[IWES]");
    private static final Pattern EVENT_NAME = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)*");

    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Teleport audit events (JSON Lines: event, code, time, uid ...); no integrity evidence";
    }

    @Override
    public boolean recognizes(Head head) {
        Map<String, String> f = FirstObject.scalars(head, Set.of("event", "code", "time"));
        String event = f.get("event");
        String code = f.get("code");
        return event != null && EVENT_NAME.matcher(event).matches() && code != null && CODE.matcher(code).matches()
                && Times.rfc3339(f.get("time")) != null;
    }

    @Override
    public void read(InputStream in, SourceFile file, ReadContext context, RecordSink sink) throws IOException {
        LineReader lines = new LineReader(in);
        while (lines.next()) {
            if (lines.blank()) {
                continue;
            }
            long n = lines.number();
            if (lines.cut()) {
                sink.accept(SourceRecord.malformed(file.name(), n, lines.bytes(),
                        "line longer than " + LineReader.MAX_LINE + " bytes, cut there"));
                continue;
            }
            JsonNode node;
            try {
                node = json.readTree(lines.buffer(), 0, lines.length());
            } catch (JsonProcessingException e) {
                sink.accept(SourceRecord.malformed(file.name(), n, lines.bytes(),
                        "not JSON: " + e.getOriginalMessage()));
                continue;
            }
            TeleportEvent.Result r = TeleportEvent.map(node);
            sink.accept(r.problem() != null ? SourceRecord.malformed(file.name(), n, lines.bytes(), r.problem())
                    : SourceRecord.of(file.name(), n, lines.bytes(), r.event()));
        }
    }
}
