package io.sealtrail.index;

import io.sealtrail.model.AuditEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

/**
 * The index's field names and types (docs/index-schema.md), and the one place that turns an event line
 * into a Lucene {@link Document}. Names follow ECS so analysts can type what they already know.
 */
public final class IndexSchema {
    /** Bumped on any change to fields, types or analysis; an index of another version is rebuilt (ADR 0004). */
    public static final int VERSION = 1;

    // Commit user data keys.
    public static final String USER_SCHEMA_VERSION = "schema_version";
    public static final String USER_BUNDLE_ID = "bundle_id";
    public static final String USER_EVENT_COUNT = "event_count";
    public static final String USER_MANIFEST_SHA256 = "manifest_sha256";

    // Keyword fields: exact terms, plus sorted-set doc values for facets.
    public static final String ACTION = "event.action";
    public static final String OUTCOME = "event.outcome";
    public static final String USER_NAME = "user.name";
    public static final String USER_ID = "user.id";
    public static final String USER_ROLES = "user.roles";
    public static final String AUTH_METHOD = "auth.method";
    public static final String AUTH_MFA = "auth.mfa";
    public static final String SOURCE_IP = "source.ip";
    public static final String TARGET_KIND = "target.kind";
    public static final String TARGET_NAME = "target.name";
    public static final String TARGET_ACCOUNT = "target.account";
    public static final String TARGET_NAMESPACE = "target.namespace";
    public static final String SESSION_ID = "session.id";
    public static final String BUNDLE_ID = "bundle.id";
    public static final String EVENT_HASH = "event.hash";
    public static final String INTEGRITY = "integrity";
    public static final String SOURCE_FORMAT = "source.format";
    public static final String COMMAND_KEYWORD = "command.keyword";
    public static final String QUERY_KEYWORD = "query.keyword";
    public static final String FILE = "file";

    // Numeric fields.
    public static final String SOURCE_PORT = "source.port";
    public static final String SEQ = "seq";
    /** Epoch microseconds, UTC: the bundle format's precision; a long holds ±292,000 years of it. */
    public static final String TIME = "time";
    /** Position of the line in the log's Merkle tree (first_seq of its segment + line index). */
    public static final String LEAF = "leaf";
    public static final String LINE = "line";

    // Analysed text fields (StandardAnalyzer).
    public static final String COMMAND = "command";
    public static final String QUERY = "query";
    public static final String REASON = "event.reason";
    public static final String USER_AGENT = "user_agent.original";
    /** Catch-all default field for free text. */
    public static final String TEXT = "text";

    /** The line as it is in the bundle, stored (compressed) for display. */
    public static final String RAW = "raw";

    public static final Set<String> KEYWORD_FIELDS = Set.of(ACTION, OUTCOME, USER_NAME, USER_ID, USER_ROLES,
            AUTH_METHOD, AUTH_MFA, SOURCE_IP, TARGET_KIND, TARGET_NAME, TARGET_ACCOUNT, TARGET_NAMESPACE, SESSION_ID,
            BUNDLE_ID, EVENT_HASH, INTEGRITY, SOURCE_FORMAT, COMMAND_KEYWORD, QUERY_KEYWORD, FILE);
    public static final Set<String> TEXT_FIELDS = Set.of(COMMAND, QUERY, REASON, USER_AGENT, TEXT);
    public static final Set<String> LONG_FIELDS = Set.of(SEQ, TIME, LEAF, LINE);
    public static final Set<String> INT_FIELDS = Set.of(SOURCE_PORT);

    /** Longer keyword values are cut (on a character boundary) so one huge command cannot break indexing. */
    public static final int MAX_KEYWORD_BYTES = 8 * 1024;

    private IndexSchema() {
    }

    /** Where a line sits: its bundle, its segment file and 1-based line number, and its leaf index. */
    public record LinePosition(String bundleId, String file, long line, long leaf) {
    }

    public static boolean isSearchable(String field) {
        return KEYWORD_FIELDS.contains(field) || TEXT_FIELDS.contains(field) || LONG_FIELDS.contains(field)
                || INT_FIELDS.contains(field);
    }

    public static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    public static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    /**
     * One document per line. A line that did not parse ({@code event == null}) still gets one, with what
     * could be read ({@code seq}, {@code time}, {@code action}) and its raw text in the catch-all field,
     * so a tampered log stays searchable.
     *
     * @param seq    the seq the line claims, or -1 when unreadable (then the leaf index stands in)
     * @param time   the line's time when readable, else null
     * @param action the line's action when readable, else null
     */
    public static Document document(LinePosition at, AuditEvent event, long seq, Instant time, String action,
                                    byte[] raw, int off, int len, String entryHash, Integrity integrity) {
        Document d = new Document();
        keyword(d, BUNDLE_ID, at.bundleId(), true);
        keyword(d, FILE, at.file(), true);
        keyword(d, EVENT_HASH, entryHash, true);
        keyword(d, INTEGRITY, integrity.wireName(), true);
        longField(d, SEQ, seq >= 0 ? seq : at.leaf());
        longField(d, LEAF, at.leaf());
        longField(d, LINE, at.line());
        Instant t = event != null ? event.time() : time;
        if (t != null) {
            longField(d, TIME, micros(t));
        }
        d.add(new StoredField(RAW, new BytesRef(raw, off, len)));
        StringBuilder text = new StringBuilder(256);
        if (event == null) {
            keyword(d, ACTION, action, true);
            keyword(d, SOURCE_FORMAT, io.sealtrail.verify.event.EventLineParser.SOURCE_FORMAT, true);
            text.append(new String(raw, off, len, StandardCharsets.UTF_8));
        } else {
            eventFields(d, event, text);
        }
        d.add(new TextField(TEXT, text.toString(), Field.Store.NO));
        return d;
    }

    private static void eventFields(Document d, AuditEvent e, StringBuilder text) {
        keyword(d, SOURCE_FORMAT, e.sourceFormat(), true);
        keyword(d, ACTION, e.action(), true);
        append(text, e.action());
        if (e.outcome() != null) {
            keyword(d, OUTCOME, e.outcome().wireName(), true);
        }
        analysed(d, REASON, e.reason(), text);
        if (e.user() != null) {
            keyword(d, USER_NAME, e.user().name(), true);
            append(text, e.user().name());
            keyword(d, USER_ID, e.user().id(), false);
            for (String role : e.user().roles()) {
                keyword(d, USER_ROLES, role, false);
            }
        }
        if (e.auth() != null) {
            keyword(d, AUTH_METHOD, e.auth().method(), false);
            if (e.auth().mfa() != null) {
                keyword(d, AUTH_MFA, e.auth().mfa().toString(), false);
            }
        }
        if (e.source() != null) {
            keyword(d, SOURCE_IP, e.source().ip(), false);
            if (e.source().port() != null) {
                d.add(new IntPoint(SOURCE_PORT, e.source().port()));
                d.add(new StoredField(SOURCE_PORT, e.source().port()));
            }
            analysed(d, USER_AGENT, e.source().userAgent(), null);
        }
        if (e.target() != null) {
            if (e.target().kind() != null) {
                keyword(d, TARGET_KIND, e.target().kind().wireName(), true);
            }
            keyword(d, TARGET_NAME, e.target().name(), true);
            append(text, e.target().name());
            keyword(d, TARGET_ACCOUNT, e.target().account(), false);
            keyword(d, TARGET_NAMESPACE, e.target().namespace(), false);
        }
        keyword(d, SESSION_ID, e.sessionId(), true);
        analysed(d, COMMAND, e.command(), text);
        keyword(d, COMMAND_KEYWORD, e.command(), false);
        analysed(d, QUERY, e.query(), text);
        keyword(d, QUERY_KEYWORD, e.query(), false);
    }

    private static void keyword(Document d, String field, String value, boolean stored) {
        if (value == null) {
            return;
        }
        String v = truncate(value);
        d.add(new StringField(field, v, stored ? Field.Store.YES : Field.Store.NO));
        d.add(new SortedSetDocValuesField(field, new BytesRef(v)));
    }

    private static void analysed(Document d, String field, String value, StringBuilder text) {
        if (value == null) {
            return;
        }
        d.add(new TextField(field, value, Field.Store.YES));
        append(text, value);
    }

    private static void longField(Document d, String field, long v) {
        d.add(new LongPoint(field, v));
        d.add(new NumericDocValuesField(field, v));
        d.add(new StoredField(field, v));
    }

    private static void append(StringBuilder text, String s) {
        if (text != null && s != null) {
            text.append(s).append('\n');
        }
    }

    /** Cuts a value to at most {@link #MAX_KEYWORD_BYTES} of UTF-8, never inside a surrogate pair. */
    static String truncate(String s) {
        if (s.length() <= MAX_KEYWORD_BYTES / 3) {
            return s; // at most 3 bytes per UTF-16 unit
        }
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int n = c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3; // a pair is 4 bytes
            if (bytes + n > MAX_KEYWORD_BYTES) {
                return s.substring(0, Character.isLowSurrogate(c) ? i - 1 : i);
            }
            bytes += n;
        }
        return s;
    }
}
