package io.sealtrail.verify.event;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of an event line (docs/bundle-format.md §4): where each sits, what type its value has and
 * whether the line needs it. {@link EventLineParser} reads a line by this table and hands each value to
 * {@link EventValues#set}, the setter, with its field. The ordinal is the field's bit in the parser's
 * bitsets (fields seen, present, already reported), so there are at most 64.
 */
enum EventField {
    SEQ(null, "seq", Type.SEQ, true),
    TIME(null, "time", Type.TIME, true),
    PREV(null, "prev", Type.HASH, true),
    EVENT(null, "event", Type.OBJECT, false),
    USER(null, "user", Type.OBJECT, false),
    AUTH(null, "auth", Type.OBJECT, false),
    SOURCE(null, "source", Type.OBJECT, false),
    TARGET(null, "target", Type.OBJECT, false),
    SESSION(null, "session", Type.OBJECT, false),
    COMMAND(null, "command", Type.TEXT, false),
    QUERY(null, "query", Type.TEXT, false),
    LABELS(null, "labels", Type.LABELS, false),
    ACTION(EVENT, "action", Type.ACTION, true),
    OUTCOME(EVENT, "outcome", Type.OUTCOME, true),
    REASON(EVENT, "reason", Type.TEXT, false),
    USER_NAME(USER, "name", Type.TEXT, false),
    USER_ID(USER, "id", Type.TEXT, false),
    ROLES(USER, "roles", Type.TEXT_LIST, false),
    AUTH_METHOD(AUTH, "method", Type.TEXT, false),
    MFA(AUTH, "mfa", Type.BOOLEAN, false),
    IP(SOURCE, "ip", Type.TEXT, false),
    PORT(SOURCE, "port", Type.PORT, false),
    USER_AGENT(SOURCE, "user_agent", Type.TEXT, false),
    TARGET_KIND(TARGET, "kind", Type.KIND, false),
    TARGET_NAME(TARGET, "name", Type.TEXT, false),
    ACCOUNT(TARGET, "account", Type.TEXT, false),
    NAMESPACE(TARGET, "namespace", Type.TEXT, false),
    SESSION_ID(SESSION, "id", Type.TEXT, false);

    /** How a value is read and checked. */
    enum Type {
        /** An integer from 0 to 2^63-1. */
        SEQ(false),
        /** RFC 3339 UTC. */
        TIME(true),
        /** 64 lowercase hex digits. */
        HASH(true),
        /** A string; "heartbeat" marks a heartbeat. */
        ACTION(true),
        /** success, failure or denied. */
        OUTCOME(true),
        /** host, database, kubernetes, cloud or application. */
        KIND(true),
        /** An integer from 0 to 65535. */
        PORT(false),
        BOOLEAN(false),
        TEXT(true),
        TEXT_LIST(false),
        /** An object of the fields whose parent this is. */
        OBJECT(false),
        /** An object of strings under any keys, for extensions. */
        LABELS(false);

        /** Whether the value is a JSON string (or null). */
        final boolean string;

        Type(boolean string) {
            this.string = string;
        }
    }

    private static final EventField[] ALL = values();
    /** The fields at the top of the line, in table order. */
    static final EventField[] TOP = childrenOf(null);
    private static final KeyTable TOP_KEYS = keysOf(TOP);

    final EventField parent;
    final String path;
    final Type type;
    final boolean required;
    final long bit;
    private final byte[] key;
    private EventField[] children;
    private KeyTable childKeys;

    EventField(EventField parent, String name, Type type, boolean required) {
        this.parent = parent;
        this.path = parent == null ? name : parent.path + "." + name;
        this.type = type;
        this.required = required;
        this.bit = 1L << ordinal();
        this.key = name.getBytes(StandardCharsets.US_ASCII);
    }

    static {
        if (ALL.length > Long.SIZE) {
            throw new IllegalStateException("more event fields than bits in a long");
        }
        for (EventField f : ALL) {
            if (f.type == Type.OBJECT) {
                f.children = childrenOf(f);
                f.childKeys = keysOf(f.children);
            }
        }
    }

    /** The fields of this object, in the order of {@link #childKeys()}. */
    EventField[] children() {
        return children;
    }

    /** The keys of {@link #children()}, as bytes so keys are matched without allocating. */
    KeyTable childKeys() {
        return childKeys;
    }

    static EventField byOrdinal(int ordinal) {
        return ALL[ordinal];
    }

    static KeyTable topKeys() {
        return TOP_KEYS;
    }

    /** The bits of the required fields. */
    static final long REQUIRED = requiredBits();

    private static long requiredBits() {
        long bits = 0;
        for (EventField f : values()) {
            bits |= f.required ? f.bit : 0;
        }
        return bits;
    }

    private static EventField[] childrenOf(EventField parent) {
        List<EventField> out = new ArrayList<>();
        for (EventField f : values()) {
            if (f.parent == parent) {
                out.add(f);
            }
        }
        return out.toArray(EventField[]::new);
    }

    private static KeyTable keysOf(EventField[] fields) {
        byte[][] out = new byte[fields.length][];
        for (int i = 0; i < fields.length; i++) {
            out[i] = fields[i].key;
        }
        return KeyTable.of(out);
    }
}
