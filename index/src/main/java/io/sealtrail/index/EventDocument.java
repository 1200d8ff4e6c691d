package io.sealtrail.index;

import io.sealtrail.model.AuditEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.BinaryPoint;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefBuilder;

/**
 * Turns one event line into the fields of its Lucene document (docs/index-schema.md), reusing the same
 * field objects for every line: an import adds millions of documents, and building two dozen fields
 * and their UTF-8 bytes afresh for each was a large part of its cost. The fields are valid until the
 * next {@link #fill}. Not thread-safe: one instance per indexing thread.
 */
final class EventDocument {
    /** Analysed text: positions for phrases; no norms, because results are sorted, never scored. */
    private static final FieldType TEXT_TYPE = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        TEXT_TYPE.setOmitNorms(true);
        TEXT_TYPE.freeze();
    }

    private final List<IndexableField> fields = new ArrayList<>(48);

    private final Keyword bundleId = new Keyword(IndexSchema.BUNDLE_ID);
    private final Keyword file = new Keyword(IndexSchema.FILE);
    /**
     * Unique per event: the hash's first {@value IndexSchema#HASH_POINT_BYTES} bytes as a point, not a term — a
     * term per event cost a tenth of the import (ADR 0008); lookups check the full hash (EntryHashQuery).
     */
    private final BytesRef hashPrefix = new BytesRef(new byte[IndexSchema.HASH_POINT_BYTES]);
    private final BinaryPoint eventHash = new BinaryPoint(IndexSchema.EVENT_HASH, new byte[IndexSchema.HASH_POINT_BYTES]);

    {
        eventHash.setBytesValue(hashPrefix); // refilled in place for each event; Lucene copies it when it indexes
    }
    private final Keyword integrity = new Keyword(IndexSchema.INTEGRITY);
    private final Keyword sourceFormat = new Keyword(IndexSchema.SOURCE_FORMAT);
    private final Keyword action = new Keyword(IndexSchema.ACTION);
    private final Keyword outcome = new Keyword(IndexSchema.OUTCOME);
    private final Keyword userName = new Keyword(IndexSchema.USER_NAME);
    private final Keyword userId = new Keyword(IndexSchema.USER_ID);
    private final List<Keyword> roles = new ArrayList<>();
    private final Keyword authMethod = new Keyword(IndexSchema.AUTH_METHOD);
    private final Keyword authMfa = new Keyword(IndexSchema.AUTH_MFA);
    private final Keyword sourceIp = new Keyword(IndexSchema.SOURCE_IP);
    private final Keyword targetKind = new Keyword(IndexSchema.TARGET_KIND);
    private final Keyword targetName = new Keyword(IndexSchema.TARGET_NAME);
    private final Keyword targetAccount = new Keyword(IndexSchema.TARGET_ACCOUNT);
    private final Keyword targetNamespace = new Keyword(IndexSchema.TARGET_NAMESPACE);
    private final Keyword sessionId = new Keyword(IndexSchema.SESSION_ID);
    private final Keyword commandKeyword = new Keyword(IndexSchema.COMMAND_KEYWORD);
    private final Keyword queryKeyword = new Keyword(IndexSchema.QUERY_KEYWORD);

    private final Numeric seq = new Numeric(IndexSchema.SEQ);
    private final Numeric leaf = new Numeric(IndexSchema.LEAF);
    private final Numeric line = new Numeric(IndexSchema.LINE);
    private final Numeric time = new Numeric(IndexSchema.TIME);
    private final IntPoint port = new IntPoint(IndexSchema.SOURCE_PORT, 0);

    private final Field reason = new Field(IndexSchema.REASON, "", TEXT_TYPE);
    private final Field userAgent = new Field(IndexSchema.USER_AGENT, "", TEXT_TYPE);
    private final Field command = new Field(IndexSchema.COMMAND, "", TEXT_TYPE);
    private final Field query = new Field(IndexSchema.QUERY, "", TEXT_TYPE);
    private final Field sessionOutput = new Field(IndexSchema.SESSION_OUTPUT, "", TEXT_TYPE);
    private final Field text = new Field(IndexSchema.TEXT, "", TEXT_TYPE);
    private final StringBuilder textBuilder = new StringBuilder(512);

    /** The line itself is in the line store (LineStore); the document keeps its ordinal there. */
    private final NumericDocValuesField lineOrd = new NumericDocValuesField(IndexSchema.LINE_ORD, 0);
    /** Kept only for a line longer than the index keeps: then the hash cannot be recomputed from the stored line. */
    private final StoredField storedHash = new StoredField(IndexSchema.EVENT_HASH, "");

    /**
     * Fills the fields for one line. A line that did not parse ({@code event == null}) still gets a
     * document, with what could be read ({@code seq}, {@code time}, {@code action}) and its raw text in
     * the catch-all field, so a tampered log stays searchable.
     *
     * @param seq       the seq the line claims, or -1 when unreadable (then the leaf index stands in)
     * @param readTime  the line's time when readable, else null
     * @param readAction the line's action when readable, else null
     * @param entryHash the line's entry hash, SHA-256(0x00 ‖ line)
     * @param truncated whether {@code data} holds only the start of the line, so {@code entryHash} is stored
     * @param ord       the line's ordinal in the line store
     * @return the fields, valid until the next call
     */
    List<IndexableField> fill(IndexSchema.LinePosition at, AuditEvent event, long seq, Instant readTime,
                              String readAction, byte[] data, int off, int len, byte[] entryHash, boolean truncated,
                              Integrity integrityValue, long ord) {
        return fill(at, event, seq, readTime, readAction, data, off, len, entryHash, truncated, integrityValue, ord,
                io.sealtrail.verify.event.EventLineParser.SOURCE_FORMAT, null);
    }

    /**
     * As above, for a line of {@code format}: an unreadable line keeps the format it was read as.
     *
     * @param output what a recorded session printed after this event, or null ({@code session.output}, also
     *               in the catch-all field so a bare word finds it)
     */
    List<IndexableField> fill(IndexSchema.LinePosition at, AuditEvent event, long seq, Instant readTime,
                              String readAction, byte[] data, int off, int len, byte[] entryHash, boolean truncated,
                              Integrity integrityValue, long ord, String format, String output) {
        fields.clear();
        bundleId.add(at.bundleId());
        file.add(at.file());
        System.arraycopy(entryHash, 0, hashPrefix.bytes, 0, IndexSchema.HASH_POINT_BYTES);
        fields.add(eventHash);
        integrity.add(integrityValue.wireName());
        this.seq.add(seq >= 0 ? seq : at.leaf());
        leaf.add(at.leaf());
        line.add(at.line());
        Instant t = event != null ? event.time() : readTime;
        if (t != null) {
            time.add(IndexSchema.micros(t));
        }
        lineOrd.setLongValue(ord);
        fields.add(lineOrd);
        if (truncated) {
            storedHash.setStringValue(java.util.HexFormat.of().formatHex(entryHash));
            fields.add(storedHash);
        }
        textBuilder.setLength(0);
        if (event == null) {
            action.add(readAction);
            sourceFormat.add(format);
            textBuilder.append(new String(data, off, len, StandardCharsets.UTF_8));
        } else {
            eventFields(event);
            analysed(sessionOutput, output, true);
        }
        text.setStringValue(textBuilder.toString());
        fields.add(text);
        return fields;
    }

    private void eventFields(AuditEvent e) {
        sourceFormat.add(e.sourceFormat());
        action.add(e.action());
        append(e.action());
        if (e.outcome() != null) {
            outcome.add(e.outcome().wireName());
        }
        analysed(reason, e.reason(), true);
        if (e.user() != null) {
            userName.add(e.user().name());
            append(e.user().name());
            userId.add(e.user().id());
            List<String> r = e.user().roles();
            for (int i = 0; i < r.size(); i++) {
                if (roles.size() == i) {
                    roles.add(new Keyword(IndexSchema.USER_ROLES));
                }
                roles.get(i).add(r.get(i));
            }
        }
        if (e.auth() != null) {
            authMethod.add(e.auth().method());
            if (e.auth().mfa() != null) {
                authMfa.add(e.auth().mfa().toString());
            }
        }
        if (e.source() != null) {
            sourceIp.add(e.source().ip());
            if (e.source().port() != null) {
                port.setIntValue(e.source().port());
                fields.add(port);
            }
            analysed(userAgent, e.source().userAgent(), false);
        }
        if (e.target() != null) {
            if (e.target().kind() != null) {
                targetKind.add(e.target().kind().wireName());
            }
            targetName.add(e.target().name());
            append(e.target().name());
            targetAccount.add(e.target().account());
            targetNamespace.add(e.target().namespace());
        }
        sessionId.add(e.sessionId());
        analysed(command, e.command(), true);
        commandKeyword.add(e.command());
        analysed(query, e.query(), true);
        queryKeyword.add(e.query());
    }

    private void analysed(Field f, String value, boolean inText) {
        if (value == null) {
            return;
        }
        f.setStringValue(value);
        fields.add(f);
        if (inText) {
            append(value);
        }
    }

    private void append(String s) {
        if (s != null) {
            textBuilder.append(s).append('\n');
        }
    }

    /** A keyword: one untokenised term and sorted-set doc values of the same bytes. */
    private final class Keyword {
        private final BytesRefBuilder bytes = new BytesRefBuilder();
        /** Both fields hold this one object; Lucene lets no indexed field take a new value, so it is updated in place. */
        private final BytesRef value = new BytesRef();
        private final StringField term;
        private final SortedSetDocValuesField docValues;
        private String last;

        Keyword(String name) {
            term = new StringField(name, value, Field.Store.NO);
            docValues = new SortedSetDocValuesField(name, value);
        }

        void add(String s) {
            if (s == null) {
                return;
            }
            if (!s.equals(last)) { // many values repeat from line to line: encode them once
                bytes.copyChars(IndexSchema.truncate(s));
                value.bytes = bytes.bytes();
                value.length = bytes.length();
                last = s;
            }
            fields.add(term);
            fields.add(docValues);
        }
    }

    /** A long: a point for ranges and numeric doc values for sorting, histograms and hits. */
    private final class Numeric {
        private final LongPoint point;
        private final NumericDocValuesField docValues;

        Numeric(String name) {
            point = new LongPoint(name, 0);
            docValues = new NumericDocValuesField(name, 0);
        }

        void add(long v) {
            point.setLongValue(v);
            docValues.setLongValue(v);
            fields.add(point);
            fields.add(docValues);
        }
    }
}
