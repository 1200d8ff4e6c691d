package io.sealtrail.index;

import io.sealtrail.index.TestBundles.Row;
import io.sealtrail.model.AuditEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.lucene.queryparser.classic.QueryParser;

/**
 * A small query language for the property test: each expression renders as a query string for
 * {@link EventSearch} and evaluates directly over parsed events, so the two can be compared.
 */
final class QueryGrammar {

    sealed interface Expr {
        String query();

        boolean matches(Row r);
    }

    record Term(String field, String value) implements Expr {
        public String query() {
            return field + ":\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }

        public boolean matches(Row r) {
            return values(field, r).contains(value);
        }
    }

    /** {@code field:x*} when {@code leading} is false, {@code field:*x*} when true. */
    record Wildcard(String field, String part, boolean leading) implements Expr {
        public String query() {
            return field + ":" + (leading ? "*" : "") + QueryParser.escape(part) + "*";
        }

        public boolean matches(Row r) {
            return values(field, r).stream().anyMatch(v -> leading ? v.contains(part) : v.startsWith(part));
        }
    }

    /** A range on seq or time, each end inclusive, exclusive, or open (null). */
    record Range(String field, Long lo, Long hi, boolean loIncl, boolean hiIncl, boolean dateOnly) implements Expr {
        public String query() {
            return field + ":" + (loIncl ? "[" : "{") + render(lo) + " TO " + render(hi) + (hiIncl ? "]" : "}");
        }

        private String render(Long v) {
            if (v == null) {
                return "*";
            }
            if (!field.equals(IndexSchema.TIME)) {
                return Long.toString(v);
            }
            String s = IndexSchema.instant(v).toString();
            return dateOnly ? s.substring(0, 10) : s;
        }

        private long micros(Long v) {
            return dateOnly ? IndexSchema.micros(Instant.parse(IndexSchema.instant(v).toString().substring(0, 10)
                    + "T00:00:00Z")) : v;
        }

        public boolean matches(Row r) {
            long x = field.equals(IndexSchema.TIME) ? r.timeMicros() : r.seq();
            if (field.equals(IndexSchema.TIME) && x == Long.MAX_VALUE) {
                return false;
            }
            boolean above = lo == null || (loIncl ? x >= micros(lo) : x > micros(lo));
            boolean below = hi == null || (hiIncl ? x <= micros(hi) : x < micros(hi));
            return above && below;
        }
    }

    record And(Expr a, Expr b) implements Expr {
        public String query() {
            return "(" + a.query() + " AND " + b.query() + ")";
        }

        public boolean matches(Row r) {
            return a.matches(r) && b.matches(r);
        }
    }

    record Or(Expr a, Expr b) implements Expr {
        public String query() {
            return "(" + a.query() + " OR " + b.query() + ")";
        }

        public boolean matches(Row r) {
            return a.matches(r) || b.matches(r);
        }
    }

    record Not(Expr a) implements Expr {
        public String query() {
            return "(NOT " + a.query() + ")";
        }

        public boolean matches(Row r) {
            return !a.matches(r);
        }
    }

    static final Map<String, Function<AuditEvent, List<String>>> FIELDS = new TreeMap<>(Map.of(
            IndexSchema.ACTION, e -> one(e.action()),
            IndexSchema.OUTCOME, e -> one(e.outcome() == null ? null : e.outcome().wireName()),
            IndexSchema.USER_NAME, e -> one(e.user() == null ? null : e.user().name()),
            IndexSchema.USER_ROLES, e -> e.user() == null ? List.of() : e.user().roles(),
            IndexSchema.AUTH_METHOD, e -> one(e.auth() == null ? null : e.auth().method()),
            IndexSchema.TARGET_KIND, e -> one(e.target() == null || e.target().kind() == null ? null
                    : e.target().kind().wireName()),
            IndexSchema.TARGET_NAME, e -> one(e.target() == null ? null : e.target().name()),
            IndexSchema.TARGET_NAMESPACE, e -> one(e.target() == null ? null : e.target().namespace()),
            IndexSchema.SOURCE_IP, e -> one(e.source() == null ? null : e.source().ip()),
            IndexSchema.SESSION_ID, e -> one(e.sessionId())));

    static List<String> values(String field, Row r) {
        return r.event() == null ? List.of() : FIELDS.get(field).apply(r.event());
    }

    private static List<String> one(String s) {
        return s == null ? List.of() : List.of(s);
    }

    private final List<Row> rows;
    private final Map<String, List<String>> valuesByField = new TreeMap<>();

    QueryGrammar(List<Row> rows) {
        this.rows = rows;
        for (String f : FIELDS.keySet()) {
            TreeSet<String> vs = new TreeSet<>();
            rows.forEach(r -> vs.addAll(values(f, r)));
            valuesByField.put(f, new ArrayList<>(vs));
        }
    }

    Expr expr(Random r, int depth) {
        int k = depth <= 0 ? r.nextInt(4) : r.nextInt(7);
        return switch (k) {
            case 0, 1 -> term(r);
            case 2 -> wildcard(r);
            case 3 -> range(r);
            case 4 -> new And(expr(r, depth - 1), expr(r, depth - 1));
            case 5 -> new Or(expr(r, depth - 1), expr(r, depth - 1));
            default -> new Not(expr(r, depth - 1));
        };
    }

    private Term term(Random r) {
        String f = field(r);
        List<String> vs = valuesByField.get(f);
        return new Term(f, vs.get(r.nextInt(vs.size())));
    }

    private Expr wildcard(Random r) {
        Term t = term(r);
        String v = t.value();
        if (r.nextBoolean()) {
            return new Wildcard(t.field(), v.substring(0, 1 + r.nextInt(Math.min(3, v.length()))), false);
        }
        int from = r.nextInt(v.length());
        String part = v.substring(from, Math.min(v.length(), from + 1 + r.nextInt(3)));
        return part.chars().allMatch(Character::isLetterOrDigit) ? new Wildcard(t.field(), part, true)
                : new Wildcard(t.field(), v.substring(0, 1), false);
    }

    private Range range(Random r) {
        boolean time = r.nextBoolean();
        Long a = time ? rows.get(r.nextInt(rows.size())).timeMicros() : (Long) (long) r.nextInt(rows.size());
        Long b = time ? rows.get(r.nextInt(rows.size())).timeMicros() : (Long) (long) r.nextInt(rows.size());
        if (a > b) {
            Long t = a;
            a = b;
            b = t;
        }
        return new Range(time ? IndexSchema.TIME : IndexSchema.SEQ, r.nextInt(8) == 0 ? null : a,
                r.nextInt(8) == 0 ? null : b, r.nextBoolean(), r.nextBoolean(), time && r.nextInt(6) == 0);
    }

    private String field(Random r) {
        List<String> fs = new ArrayList<>(FIELDS.keySet());
        return fs.get(r.nextInt(fs.size()));
    }
}
