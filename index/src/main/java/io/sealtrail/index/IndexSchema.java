package io.sealtrail.index;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * The index's field names and types (docs/index-schema.md). {@link EventDocument} turns an event line into
 * these fields, {@link HitReader} turns a document back into a {@link Hit}. Names follow ECS so analysts
 * can type what they already know.
 */
public final class IndexSchema {
    /** Bumped on any change to fields, types or analysis; an index of another version is rebuilt (ADR 0004). */
    public static final int VERSION = 5;

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
    /**
     * What a recorded session printed after the event's input (hoop.dev sessions), decoded; absent for every
     * other event. Added without a version change: an index built before it has no such values, and would hold
     * none if built again (docs/index-schema.md).
     */
    public static final String SESSION_OUTPUT = "session.output";
    /** Catch-all default field for free text. */
    public static final String TEXT = "text";

    /**
     * Where the line as it is in the bundle is kept for display: its ordinal in the index's line store
     * ({@code lines.lz4}, in the order lines were read); numeric doc values only, not searchable.
     */
    public static final String LINE_ORD = "line.ord";

    public static final Set<String> KEYWORD_FIELDS = Set.of(ACTION, OUTCOME, USER_NAME, USER_ID, USER_ROLES,
            AUTH_METHOD, AUTH_MFA, SOURCE_IP, TARGET_KIND, TARGET_NAME, TARGET_ACCOUNT, TARGET_NAMESPACE, SESSION_ID,
            BUNDLE_ID, EVENT_HASH, INTEGRITY, SOURCE_FORMAT, COMMAND_KEYWORD, QUERY_KEYWORD, FILE);
    /** Bytes of the entry hash indexed as a point (event.hash); a lookup checks the rest against the line. */
    public static final int HASH_POINT_BYTES = 8;
    public static final Set<String> TEXT_FIELDS = Set.of(COMMAND, QUERY, REASON, USER_AGENT, SESSION_OUTPUT,
            TEXT);
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
