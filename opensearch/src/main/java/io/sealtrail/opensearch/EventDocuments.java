package io.sealtrail.opensearch;

import io.sealtrail.index.EventQueries;
import io.sealtrail.index.Hit;
import io.sealtrail.index.IndexTap;
import io.sealtrail.index.IndexSchema;
import io.sealtrail.index.Integrity;
import io.sealtrail.model.AuditEvent;
import io.sealtrail.verify.event.EventLineParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An event as an OpenSearch document, and back. The document holds exactly the field values the local index holds
 * for the line (docs/index-schema.md, the same rules as the index module's EventDocument: keywords cut at 8 KiB, the
 * catch-all {@code text} built in the same order), from the very values the local document was built from (an
 * {@link IndexTap.Event}), plus the line itself as {@code event.original}, so that a hit read back is the hit the
 * local index gives. Stateless.
 */
final class EventDocuments {
    /** The raw line as the bundle holds it (ECS's name for it); stored, not searchable. */
    static final String ORIGINAL = "event.original";

    private EventDocuments() {
    }

    /** The document of an event as the import indexed it locally. */
    static Map<String, Object> document(IndexTap.Event h) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put(IndexSchema.BUNDLE_ID, h.at().bundleId());
        d.put(IndexSchema.FILE, EventQueries.keyword(h.at().file()));
        d.put(IndexSchema.EVENT_HASH, h.entryHash());
        d.put(IndexSchema.INTEGRITY, h.integrity().wireName());
        d.put(IndexSchema.SEQ, h.seq());
        d.put(IndexSchema.LEAF, h.at().leaf());
        d.put(IndexSchema.LINE, h.at().line());
        if (h.time() != null) {
            d.put(IndexSchema.TIME, IndexSchema.micros(h.time()));
        }
        d.put(ORIGINAL, h.raw());
        StringBuilder text = new StringBuilder();
        AuditEvent e = h.event();
        if (e == null) {
            put(d, IndexSchema.ACTION, EventQueries.keyword(h.action()));
            put(d, IndexSchema.SOURCE_FORMAT, EventQueries.keyword(h.format()));
            text.append(h.raw());
        } else {
            fields(d, e, text);
            put(d, IndexSchema.SESSION_OUTPUT, h.output());
            append(text, h.output());
        }
        d.put(IndexSchema.TEXT, text.toString());
        return d;
    }

    private static void fields(Map<String, Object> d, AuditEvent e, StringBuilder text) {
        put(d, IndexSchema.SOURCE_FORMAT, EventQueries.keyword(e.sourceFormat()));
        put(d, IndexSchema.ACTION, EventQueries.keyword(e.action()));
        append(text, e.action());
        if (e.outcome() != null) {
            d.put(IndexSchema.OUTCOME, e.outcome().wireName());
        }
        put(d, IndexSchema.REASON, e.reason());
        append(text, e.reason());
        if (e.user() != null) {
            put(d, IndexSchema.USER_NAME, EventQueries.keyword(e.user().name()));
            append(text, e.user().name());
            put(d, IndexSchema.USER_ID, EventQueries.keyword(e.user().id()));
            if (!e.user().roles().isEmpty()) {
                d.put(IndexSchema.USER_ROLES, e.user().roles().stream().map(EventQueries::keyword).toList());
            }
        }
        if (e.auth() != null) {
            put(d, IndexSchema.AUTH_METHOD, EventQueries.keyword(e.auth().method()));
            if (e.auth().mfa() != null) {
                d.put(IndexSchema.AUTH_MFA, e.auth().mfa().toString());
            }
        }
        if (e.source() != null) {
            put(d, IndexSchema.SOURCE_IP, EventQueries.keyword(e.source().ip()));
            if (e.source().port() != null) {
                d.put(IndexSchema.SOURCE_PORT, e.source().port());
            }
            put(d, IndexSchema.USER_AGENT, e.source().userAgent());
        }
        if (e.target() != null) {
            if (e.target().kind() != null) {
                d.put(IndexSchema.TARGET_KIND, e.target().kind().wireName());
            }
            put(d, IndexSchema.TARGET_NAME, EventQueries.keyword(e.target().name()));
            append(text, e.target().name());
            put(d, IndexSchema.TARGET_ACCOUNT, EventQueries.keyword(e.target().account()));
            put(d, IndexSchema.TARGET_NAMESPACE, EventQueries.keyword(e.target().namespace()));
        }
        put(d, IndexSchema.SESSION_ID, EventQueries.keyword(e.sessionId()));
        // command.keyword and query.keyword are sub-fields of these (EventIndexTemplate)
        put(d, IndexSchema.COMMAND, e.command());
        append(text, e.command());
        put(d, IndexSchema.QUERY, e.query());
        append(text, e.query());
    }

    /**
     * The hit a document stands for, as the local index's reader builds it: positions, time and integrity from the
     * document, the event's own fields in the order the local hit lists them.
     */
    static Hit hit(Map<String, Object> s) {
        String format = str(s, IndexSchema.SOURCE_FORMAT);
        // the local index reads another format's fields back from keyword doc values (HitReader): only those, cut as
        // keywords, each field's values sorted and once; a bundle's line is parsed again and gives every field
        boolean keywordsOnly = !EventLineParser.SOURCE_FORMAT.equals(format);
        Map<String, List<String>> more = new LinkedHashMap<>();
        for (String f : List.of(IndexSchema.REASON, IndexSchema.USER_ID, IndexSchema.USER_ROLES, IndexSchema.AUTH_METHOD,
                IndexSchema.AUTH_MFA, IndexSchema.SOURCE_IP, IndexSchema.SOURCE_PORT, IndexSchema.USER_AGENT,
                IndexSchema.TARGET_ACCOUNT, IndexSchema.TARGET_NAMESPACE)) {
            if (keywordsOnly && !IndexSchema.KEYWORD_FIELDS.contains(f)) {
                continue;
            }
            Object v = s.get(f);
            if (v instanceof List<?> l) {
                List<String> vs = new ArrayList<>();
                l.forEach(x -> vs.add(String.valueOf(x)));
                more.put(f, keywordsOnly ? asDocValues(vs) : vs);
            } else if (v != null) {
                more.put(f, List.of(String.valueOf(v)));
            }
        }
        Object time = s.get(IndexSchema.TIME);
        Instant t = time == null ? null : IndexSchema.instant(((Number) time).longValue());
        String command = str(s, IndexSchema.COMMAND);
        String query = str(s, IndexSchema.QUERY);
        return new Hit(str(s, IndexSchema.BUNDLE_ID), num(s, IndexSchema.SEQ), num(s, IndexSchema.LEAF), t,
                str(s, IndexSchema.ACTION), str(s, IndexSchema.OUTCOME), str(s, IndexSchema.USER_NAME),
                str(s, IndexSchema.TARGET_KIND), str(s, IndexSchema.TARGET_NAME), str(s, IndexSchema.SESSION_ID),
                keywordsOnly ? EventQueries.keyword(command) : command, keywordsOnly ? EventQueries.keyword(query) : query,
                Integrity.fromWire(str(s, IndexSchema.INTEGRITY)), str(s, IndexSchema.EVENT_HASH),
                str(s, IndexSchema.FILE), num(s, IndexSchema.LINE), str(s, ORIGINAL), false, format, more);
    }

    /** Values as sorted-set doc values give them back: once each, in the order of their UTF-8 bytes. */
    private static List<String> asDocValues(List<String> values) {
        return values.stream().distinct().sorted((a, b) -> Arrays.compareUnsigned(
                a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8))).toList();
    }

    private static String str(Map<String, Object> s, String f) {
        Object v = s.get(f);
        return v == null ? null : v.toString();
    }

    private static long num(Map<String, Object> s, String f) {
        Object v = s.get(f);
        return v == null ? -1 : ((Number) v).longValue();
    }

    private static void put(Map<String, Object> d, String field, String value) {
        if (value != null) {
            d.put(field, value);
        }
    }

    private static void append(StringBuilder text, String s) {
        if (s != null) {
            text.append(s).append('\n');
        }
    }
}
