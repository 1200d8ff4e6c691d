package io.sealtrail.sources.mapped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.sealtrail.model.AuditEvent;
import io.sealtrail.sources.Head;
import io.sealtrail.sources.LineReader;
import io.sealtrail.sources.ReadContext;
import io.sealtrail.sources.RecordSink;
import io.sealtrail.sources.SourceFile;
import io.sealtrail.sources.SourceFormat;
import io.sealtrail.sources.SourceRecord;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Any JSON Lines or CSV export, read through a mapping file the person writes ({@link Mapping}). Never detected
 * from content (a mapping is a statement about one export, not something a file can show): chosen with
 * {@code --format jsonl-mapped} and the mapping in {@link ReadContext#mapping()}.
 */
public final class MappedFormat implements SourceFormat {
    public static final String NAME = "jsonl-mapped";

    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "any JSON Lines or CSV file, read through a mapping file (--mapping); never detected; no integrity"
                + " evidence";
    }

    /** Never: which fields mean what is the person's statement, not something the content shows. */
    @Override
    public boolean recognizes(Head head) {
        return false;
    }

    @Override
    public void read(InputStream in, SourceFile file, ReadContext context, RecordSink sink) throws IOException {
        if (context.mapping() == null) {
            throw new MappingException("the " + NAME + " format needs a mapping file (--mapping FILE)");
        }
        read(in, file, Mapping.load(context.mapping()), sink);
    }

    /** Reads with a mapping already loaded (the importer loads it once for all files of a source). */
    public void read(InputStream in, SourceFile file, Mapping mapping, RecordSink sink) throws IOException {
        MappedRecord mapper = new MappedRecord(mapping);
        LineReader lines = new LineReader(in);
        if (mapping.input() == Mapping.Input.JSONL) {
            readJsonLines(lines, file.name(), mapper, sink);
        } else {
            readCsv(lines, file.name(), mapping, mapper, sink);
        }
    }

    private void readJsonLines(LineReader lines, String file, MappedRecord mapper, RecordSink sink)
            throws IOException {
        while (lines.next()) {
            if (lines.blank()) {
                continue;
            }
            long n = lines.number();
            if (lines.cut()) {
                sink.accept(SourceRecord.malformed(file, n, lines.bytes(),
                        "line longer than " + LineReader.MAX_LINE + " bytes, cut there"));
                continue;
            }
            JsonNode node;
            try {
                node = json.readTree(lines.buffer(), 0, lines.length());
            } catch (JsonProcessingException e) {
                sink.accept(SourceRecord.malformed(file, n, lines.bytes(), "not JSON: " + e.getOriginalMessage()));
                continue;
            }
            if (!node.isObject()) {
                sink.accept(SourceRecord.malformed(file, n, lines.bytes(), "not a JSON object"));
                continue;
            }
            emit(sink, file, n, lines.bytes(), mapper.map(new JsonRow(node)));
        }
    }

    private static void readCsv(LineReader lines, String file, Mapping mapping, MappedRecord mapper, RecordSink sink)
            throws IOException {
        CsvRecords csv = new CsvRecords(lines, mapping.separator());
        if (!csv.next()) {
            return;
        }
        if (csv.fields() == null) {
            throw new MappingException(file + ": the header row cannot be read: " + csv.problem());
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = csv.fields();
        for (int i = 0; i < header.size(); i++) {
            String name = i == 0 && header.get(0).startsWith("\uFEFF") ? header.get(0).substring(1) : header.get(i);
            columns.putIfAbsent(name.trim(), i);
        }
        TreeSet<String> missing = new TreeSet<>();
        for (Mapping.Source s : mapping.fields().values()) {
            if (!s.isConstant() && !columns.containsKey(s.path())) {
                missing.add(s.path());
            }
        }
        if (!missing.isEmpty()) {
            throw new MappingException(file + ": the mapping names column(s) " + missing
                    + " that the header row does not have; it has " + header);
        }
        while (csv.next()) {
            List<String> fields = csv.fields();
            if (fields == null) {
                sink.accept(SourceRecord.malformed(file, csv.line(), csv.raw(), csv.problem()));
            } else if (fields.size() != header.size()) {
                sink.accept(SourceRecord.malformed(file, csv.line(), csv.raw(), "record has " + fields.size()
                        + " fields, the header " + header.size()));
            } else {
                emit(sink, file, csv.line(), csv.raw(), mapper.map(new CsvRow(columns, fields)));
            }
        }
    }

    private static void emit(RecordSink sink, String file, long line, byte[] raw, MappedRecord.Result r)
            throws IOException {
        sink.accept(r.problem() != null ? SourceRecord.malformed(file, line, raw, r.problem())
                : SourceRecord.of(file, line, raw, r.event()));
    }

    /** One record's values by source path. */
    interface Row {
        /** The value as text, or null when absent, null or empty. */
        String text(String path);

        /** A list value (a JSON array), or null when the value is not one. */
        List<String> list(String path);
    }

    private record CsvRow(Map<String, Integer> columns, List<String> fields) implements Row {
        @Override
        public String text(String path) {
            String v = fields.get(columns.get(path));
            return v.isEmpty() ? null : v;
        }

        @Override
        public List<String> list(String path) {
            return null;
        }
    }

    private record JsonRow(JsonNode root) implements Row {
        @Override
        public String text(String path) {
            JsonNode v = resolve(root, path);
            if (v == null || v.isNull() || v.isMissingNode()) {
                return null;
            }
            String s = v.isValueNode() ? v.asText() : v.toString();
            return s.isEmpty() ? null : s;
        }

        @Override
        public List<String> list(String path) {
            JsonNode v = resolve(root, path);
            if (v == null || !v.isArray()) {
                return null;
            }
            List<String> out = new ArrayList<>();
            for (JsonNode e : v) {
                if (e.isValueNode() && !e.isNull()) {
                    out.add(e.asText());
                }
            }
            return out;
        }

        /**
         * A dotted path: a key that itself holds dots ("addr.remote") is taken whole where it exists, so paths
         * need no escaping; a number steps into an array.
         */
        static JsonNode resolve(JsonNode node, String path) {
            if (node == null) {
                return null;
            }
            if (node.isObject() && node.has(path)) {
                return node.get(path);
            }
            for (int dot = path.indexOf('.'); dot > 0; dot = path.indexOf('.', dot + 1)) {
                String head = path.substring(0, dot);
                JsonNode child = null;
                if (node.isObject()) {
                    child = node.get(head);
                } else if (node.isArray() && head.chars().allMatch(Character::isDigit) && head.length() < 10) {
                    child = node.get(Integer.parseInt(head));
                }
                if (child != null) {
                    JsonNode found = resolve(child, path.substring(dot + 1));
                    if (found != null) {
                        return found;
                    }
                }
            }
            if (node.isArray() && !path.isEmpty() && path.length() < 10 && path.chars().allMatch(Character::isDigit)) {
                return node.get(Integer.parseInt(path));
            }
            return null;
        }
    }
}
