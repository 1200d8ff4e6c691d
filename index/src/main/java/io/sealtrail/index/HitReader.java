package io.sealtrail.index;

import io.sealtrail.model.AuditEvent;
import io.sealtrail.verify.event.EventLabels;
import io.sealtrail.verify.event.EventLineParser;
import io.sealtrail.verify.event.ParsedLine;
import io.sealtrail.verify.merkle.Merkle;
import io.sealtrail.verify.merkle.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.search.ScoreDoc;

/**
 * Turns matching documents back into {@link Hit}s. The index stores only the raw line (schema version 2):
 * positions, time and integrity come from doc values, and the event's own fields from parsing the raw
 * line again with the parser that indexed it, so the hit shows exactly what was indexed. Not
 * thread-safe: one instance per call.
 */
final class HitReader {
    private final IndexReader reader;
    private final List<LeafReaderContext> leaves;
    private final EventLineParser parser = new EventLineParser();
    private final MessageDigest sha = Sha256.newDigest();

    HitReader(IndexReader reader) {
        this.reader = reader;
        this.leaves = reader.leaves();
    }

    /** The first {@code n} of {@code docs}, in their order. Doc values are read in doc id order, per segment. */
    List<Hit> read(ScoreDoc[] docs, int n) throws IOException {
        int count = Math.min(n, docs.length);
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> docs[i].doc));
        Hit[] out = new Hit[count];
        Segment seg = null;
        for (int k = 0; k < count; k++) {
            int i = order[k];
            int doc = docs[i].doc;
            if (k > 0 && docs[order[k - 1]].doc == doc) {
                out[i] = out[order[k - 1]];
                continue;
            }
            int li = ReaderUtil.subIndex(doc, leaves);
            if (seg == null || seg.context.ord != li) {
                seg = new Segment(leaves.get(li));
            }
            out[i] = hit(seg, doc - seg.context.docBase);
        }
        return Arrays.asList(out);
    }

    private Hit hit(Segment seg, int local) throws IOException {
        LineStore.Line stored = line(seg.context.reader(), seg.ord, local);
        byte[] raw = stored.bytes();
        Long time = seg.time.advanceExact(local) ? seg.time.longValue() : null;
        long seq = seg.seq.advanceExact(local) ? seg.seq.longValue() : -1;
        long leaf = seg.leaf.advanceExact(local) ? seg.leaf.longValue() : -1;
        long line = seg.line.advanceExact(local) ? seg.line.longValue() : -1;
        String bundleId = seg.bundleId.value(local);
        String file = seg.file.value(local);
        Integrity integrity = Integrity.fromWire(seg.integrity.value(local));
        String hash = stored.cut() ? storedHash(seg.context.reader(), local) : entryHash(raw, sha);
        String format = seg.sourceFormat.value(local);
        String action = null;
        String outcome = null;
        String userName = null;
        String targetKind = null;
        String targetName = null;
        String sessionId = null;
        String command = null;
        String query = null;
        Map<String, List<String>> more = new LinkedHashMap<>();
        if (EventLineParser.SOURCE_FORMAT.equals(format)) { // other formats get their reader with their importer
            ParsedLine p = parser.parse(raw, 0, raw.length);
            AuditEvent e = EventLabels.asRecorded(p.event(), EventLabels.of(raw, 0, raw.length));
            if (e == null) {
                action = keyword(p.action());
            } else {
                action = keyword(e.action());
                outcome = e.outcome() == null ? null : e.outcome().wireName();
                if (e.user() != null) {
                    userName = keyword(e.user().name());
                }
                if (e.target() != null) {
                    targetKind = e.target().kind() == null ? null : e.target().kind().wireName();
                    targetName = keyword(e.target().name());
                }
                sessionId = keyword(e.sessionId());
                command = e.command();
                query = e.query();
                more(more, e);
            }
        } else {
            // Another format's reader needs what its import knew (a syslog year, a mapping file): its fields are read
            // back from the keyword doc values it was indexed with, cut as keywords are.
            Segment.Fields f = seg.fields();
            action = f.action.value(local);
            outcome = f.outcome.value(local);
            userName = f.userName.value(local);
            targetKind = f.targetKind.value(local);
            targetName = f.targetName.value(local);
            sessionId = f.sessionId.value(local);
            command = f.command.value(local);
            query = f.query.value(local);
            put(more, IndexSchema.USER_ID, f.userId.value(local));
            more.put(IndexSchema.USER_ROLES, f.roles.values(local));
            put(more, IndexSchema.AUTH_METHOD, f.authMethod.value(local));
            put(more, IndexSchema.AUTH_MFA, f.authMfa.value(local));
            put(more, IndexSchema.SOURCE_IP, f.sourceIp.value(local));
            put(more, IndexSchema.TARGET_ACCOUNT, f.targetAccount.value(local));
            put(more, IndexSchema.TARGET_NAMESPACE, f.targetNamespace.value(local));
            more.values().removeIf(List::isEmpty);
        }
        return new Hit(bundleId, seq, leaf, time == null ? null : IndexSchema.instant(time), action, outcome, userName,
                targetKind, targetName, sessionId, command, query, integrity, hash, file, line,
                new String(raw, StandardCharsets.UTF_8), false, format, more);
    }

    /** The event's fields that are not components of a {@link Hit}, in schema order (docs/index-schema.md). */
    private static void more(Map<String, List<String>> out, AuditEvent e) {
        put(out, IndexSchema.REASON, e.reason());
        if (e.user() != null) {
            put(out, IndexSchema.USER_ID, keyword(e.user().id()));
            if (!e.user().roles().isEmpty()) {
                out.put(IndexSchema.USER_ROLES, e.user().roles().stream().map(HitReader::keyword).toList());
            }
        }
        if (e.auth() != null) {
            put(out, IndexSchema.AUTH_METHOD, keyword(e.auth().method()));
            put(out, IndexSchema.AUTH_MFA, e.auth().mfa() == null ? null : e.auth().mfa().toString());
        }
        if (e.source() != null) {
            put(out, IndexSchema.SOURCE_IP, keyword(e.source().ip()));
            put(out, IndexSchema.SOURCE_PORT, e.source().port() == null ? null : e.source().port().toString());
            put(out, IndexSchema.USER_AGENT, e.source().userAgent());
        }
        if (e.target() != null) {
            put(out, IndexSchema.TARGET_ACCOUNT, keyword(e.target().account()));
            put(out, IndexSchema.TARGET_NAMESPACE, keyword(e.target().namespace()));
        }
    }

    private static void put(Map<String, List<String>> out, String field, String value) {
        if (value != null) {
            out.put(field, List.of(value));
        }
    }

    /** A keyword field's value as the index holds it (cut at {@link IndexSchema#MAX_KEYWORD_BYTES}). */
    private static String keyword(String s) {
        return s == null ? null : IndexSchema.truncate(s);
    }

    /** SHA-256(0x00 ‖ line) in hex: the entry hash, as the verifier computes it. */
    private static String entryHash(byte[] raw, MessageDigest sha) {
        return java.util.HexFormat.of().formatHex(Merkle.leafHash(sha, raw, 0, raw.length));
    }

    /** The entry hash (hex) of one document of a segment, from its line, or stored as such where the line was cut. */
    static String entryHash(LeafReader segment, int doc, MessageDigest sha) throws IOException {
        LineStore.Line l = line(segment, DocValues.getNumeric(segment, IndexSchema.LINE_ORD), doc);
        return l.cut() ? storedHash(segment, doc) : entryHash(l.bytes(), sha);
    }

    /** The line of a document of a segment; {@code ords} is that segment's, at or before {@code doc}. */
    private static LineStore.Line line(LeafReader segment, NumericDocValues ords, int doc) throws IOException {
        if (!ords.advanceExact(doc)) {
            throw new IOException("document " + doc + " has no line in the index's line store");
        }
        return LineStore.of(segment).line(ords.longValue());
    }

    /** The entry hash the index stored for a line it cut short. */
    private static String storedHash(LeafReader segment, int doc) throws IOException {
        HashVisitor v = new HashVisitor();
        segment.storedFields().document(doc, v);
        if (v.hash == null) {
            throw new IOException("document " + doc + ": its line was cut, but no entry hash was stored");
        }
        return v.hash;
    }

    /** Doc value iterators of one segment, advanced in doc id order. */
    private static final class Segment {
        final LeafReaderContext context;
        final NumericDocValues time;
        final NumericDocValues seq;
        final NumericDocValues leaf;
        final NumericDocValues line;
        final NumericDocValues ord;
        final Keyword bundleId;
        final Keyword file;
        final Keyword integrity;
        final Keyword sourceFormat;
        private Fields fields;

        /** The event fields as keyword doc values, opened the first time a hit of another format needs them. */
        Fields fields() throws IOException {
            if (fields == null) {
                fields = new Fields(context.reader());
            }
            return fields;
        }

        static final class Fields {
            final Keyword action;
            final Keyword outcome;
            final Keyword userName;
            final Keyword targetKind;
            final Keyword targetName;
            final Keyword sessionId;
            final Keyword command;
            final Keyword query;
            final Keyword userId;
            final Keyword roles;
            final Keyword authMethod;
            final Keyword authMfa;
            final Keyword sourceIp;
            final Keyword targetAccount;
            final Keyword targetNamespace;

            Fields(LeafReader r) throws IOException {
                action = new Keyword(DocValues.getSortedSet(r, IndexSchema.ACTION));
                outcome = new Keyword(DocValues.getSortedSet(r, IndexSchema.OUTCOME));
                userName = new Keyword(DocValues.getSortedSet(r, IndexSchema.USER_NAME));
                targetKind = new Keyword(DocValues.getSortedSet(r, IndexSchema.TARGET_KIND));
                targetName = new Keyword(DocValues.getSortedSet(r, IndexSchema.TARGET_NAME));
                sessionId = new Keyword(DocValues.getSortedSet(r, IndexSchema.SESSION_ID));
                command = new Keyword(DocValues.getSortedSet(r, IndexSchema.COMMAND_KEYWORD));
                query = new Keyword(DocValues.getSortedSet(r, IndexSchema.QUERY_KEYWORD));
                userId = new Keyword(DocValues.getSortedSet(r, IndexSchema.USER_ID));
                roles = new Keyword(DocValues.getSortedSet(r, IndexSchema.USER_ROLES));
                authMethod = new Keyword(DocValues.getSortedSet(r, IndexSchema.AUTH_METHOD));
                authMfa = new Keyword(DocValues.getSortedSet(r, IndexSchema.AUTH_MFA));
                sourceIp = new Keyword(DocValues.getSortedSet(r, IndexSchema.SOURCE_IP));
                targetAccount = new Keyword(DocValues.getSortedSet(r, IndexSchema.TARGET_ACCOUNT));
                targetNamespace = new Keyword(DocValues.getSortedSet(r, IndexSchema.TARGET_NAMESPACE));
            }
        }

        Segment(LeafReaderContext context) throws IOException {
            this.context = context;
            LeafReader r = context.reader();
            time = DocValues.getNumeric(r, IndexSchema.TIME);
            seq = DocValues.getNumeric(r, IndexSchema.SEQ);
            leaf = DocValues.getNumeric(r, IndexSchema.LEAF);
            line = DocValues.getNumeric(r, IndexSchema.LINE);
            ord = DocValues.getNumeric(r, IndexSchema.LINE_ORD);
            bundleId = new Keyword(DocValues.getSortedSet(r, IndexSchema.BUNDLE_ID));
            file = new Keyword(DocValues.getSortedSet(r, IndexSchema.FILE));
            integrity = new Keyword(DocValues.getSortedSet(r, IndexSchema.INTEGRITY));
            sourceFormat = new Keyword(DocValues.getSortedSet(r, IndexSchema.SOURCE_FORMAT));
        }
    }

    /** A single-valued keyword's doc values, with each ordinal's string decoded once. */
    private static final class Keyword {
        private final SortedSetDocValues values;
        private final Map<Long, String> strings = new HashMap<>();

        Keyword(SortedSetDocValues values) {
            this.values = values;
        }

        String value(int doc) throws IOException {
            if (!values.advanceExact(doc)) {
                return null;
            }
            return string(values.nextOrd());
        }

        /** Every value of a multi-valued keyword (in term order: the index keeps no other). */
        List<String> values(int doc) throws IOException {
            if (!values.advanceExact(doc)) {
                return List.of();
            }
            List<String> out = new java.util.ArrayList<>(values.docValueCount());
            for (int i = 0; i < values.docValueCount(); i++) {
                out.add(string(values.nextOrd()));
            }
            return out;
        }

        private String string(long ord) throws IOException {
            String s = strings.get(ord);
            if (s == null) {
                s = values.lookupOrd(ord).utf8ToString();
                strings.put(ord, s);
            }
            return s;
        }
    }

    /** Loads the entry hash the index keeps for the lines it cut short. */
    private static final class HashVisitor extends StoredFieldVisitor {
        String hash;

        @Override
        public Status needsField(FieldInfo fieldInfo) {
            return IndexSchema.EVENT_HASH.equals(fieldInfo.name) ? Status.YES : Status.NO;
        }

        @Override
        public void stringField(FieldInfo fieldInfo, String value) {
            hash = value;
        }
    }
}
