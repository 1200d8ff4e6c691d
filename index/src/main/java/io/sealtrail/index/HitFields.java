package io.sealtrail.index;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every field of a {@link Hit} by its index name (docs/index-schema.md), for what shows any field: the table's
 * columns, the detail pane, CSV export. The schema's fields come from the hit; a source's record also has the
 * fields of its raw JSON record, named by its format and their path ({@code cloudtrail.userIdentity.type}), read
 * from the raw line when asked (the index does not hold them: they can be shown and copied, not searched or sorted).
 */
public final class HitFields {
    /** Every schema field a hit can show, in the order the detail pane and an all-fields CSV list them. */
    public static final List<String> SCHEMA = List.of(IndexSchema.TIME, IndexSchema.BUNDLE_ID, IndexSchema.SEQ,
            IndexSchema.ACTION, IndexSchema.OUTCOME, IndexSchema.REASON, IndexSchema.USER_NAME, IndexSchema.USER_ID,
            IndexSchema.USER_ROLES, IndexSchema.AUTH_METHOD, IndexSchema.AUTH_MFA, IndexSchema.SOURCE_IP,
            IndexSchema.SOURCE_PORT, IndexSchema.USER_AGENT, IndexSchema.TARGET_KIND, IndexSchema.TARGET_NAME,
            IndexSchema.TARGET_ACCOUNT, IndexSchema.TARGET_NAMESPACE, IndexSchema.SESSION_ID, IndexSchema.COMMAND,
            IndexSchema.QUERY, IndexSchema.INTEGRITY, IndexSchema.SOURCE_FORMAT, IndexSchema.FILE, IndexSchema.LINE,
            IndexSchema.LEAF, IndexSchema.EVENT_HASH);
    /** A raw record's fields beyond these many are not shown: a record is evidence to read whole in its raw line. */
    static final int MAX_EXTRAS = 300;
    private static final JsonFactory JSON = new JsonFactory();

    private HitFields() {
    }

    /** The values of {@code field} in {@code h}: empty when it has none; several for {@code user.roles}. */
    public static List<String> values(Hit h, String field) {
        String one = switch (field) {
            case IndexSchema.TIME -> h.time() == null ? null : h.time().toString();
            case IndexSchema.BUNDLE_ID -> h.bundleId();
            case IndexSchema.SEQ -> Long.toString(h.seq());
            case IndexSchema.ACTION -> h.action();
            case IndexSchema.OUTCOME -> h.outcome();
            case IndexSchema.USER_NAME -> h.userName();
            case IndexSchema.TARGET_KIND -> h.targetKind();
            case IndexSchema.TARGET_NAME -> h.targetName();
            case IndexSchema.SESSION_ID -> h.sessionId();
            case IndexSchema.COMMAND, IndexSchema.COMMAND_KEYWORD -> h.command();
            case IndexSchema.QUERY, IndexSchema.QUERY_KEYWORD -> h.query();
            case IndexSchema.INTEGRITY -> h.integrity().wireName();
            case IndexSchema.SOURCE_FORMAT -> h.sourceFormat();
            case IndexSchema.FILE -> h.file();
            case IndexSchema.LINE -> Long.toString(h.line());
            case IndexSchema.LEAF -> Long.toString(h.leaf());
            case IndexSchema.EVENT_HASH -> h.entryHash();
            default -> null;
        };
        if (one != null) {
            return List.of(one);
        }
        List<String> v = h.fields().get(field);
        if (v != null) {
            return v;
        }
        String prefix = h.sourceFormat() + ".";
        if (!h.provable() && field.startsWith(prefix)) {
            return extras(h).getOrDefault(field, List.of());
        }
        return List.of();
    }

    /** The values of {@code field} joined by ", ", or "" when it has none. */
    public static String value(Hit h, String field) {
        return String.join(", ", values(h, field));
    }

    /**
     * The fields of a source's raw record when it is a JSON object, named {@code format.path.to.field} in the
     * record's order, the elements of an array under their array's name; empty for our bundles' events (every one
     * of their fields is in the schema) and for records that are not JSON (syslog, auditd).
     */
    public static Map<String, List<String>> extras(Hit h) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String raw = h.raw();
        if (h.provable() || raw == null || !raw.stripLeading().startsWith("{")) {
            return out;
        }
        try (JsonParser p = JSON.createParser(raw)) {
            p.nextToken();
            walk(p, h.sourceFormat(), out);
        } catch (IOException e) {
            // a record that is not valid JSON is still shown whole in its raw line; what was read so far stays
        }
        return out;
    }

    private static void walk(JsonParser p, String path, Map<String, List<String>> out) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                walk(p, path + "." + name, out);
            }
        } else if (t == JsonToken.START_ARRAY) {
            while (p.nextToken() != JsonToken.END_ARRAY) {
                walk(p, path, out);
            }
        } else if (t != JsonToken.VALUE_NULL && (out.size() < MAX_EXTRAS || out.containsKey(path))) {
            out.computeIfAbsent(path, k -> new ArrayList<>()).add(p.getText());
        }
    }

    /** The index field to sort a column of {@code field} by, or null when the index cannot sort by it. */
    public static String sortField(String field) {
        String f = switch (field) {
            case IndexSchema.COMMAND -> IndexSchema.COMMAND_KEYWORD;
            case IndexSchema.QUERY -> IndexSchema.QUERY_KEYWORD;
            default -> field;
        };
        return SortOrder.sortable(f) ? f : null;
    }

    /**
     * A query clause that finds the events whose {@code field} is {@code value} exactly, or null when the index
     * cannot search for it (a raw record's own fields).
     */
    public static String clause(String field, String value) {
        String f = switch (field) {
            case IndexSchema.COMMAND -> IndexSchema.COMMAND_KEYWORD;
            case IndexSchema.QUERY -> IndexSchema.QUERY_KEYWORD;
            default -> field;
        };
        if (!IndexSchema.isSearchable(f)) {
            return null;
        }
        if (IndexSchema.LONG_FIELDS.contains(f) && !IndexSchema.TIME.equals(f) || IndexSchema.INT_FIELDS.contains(f)) {
            return f + ":" + value;
        }
        return f + ":\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
