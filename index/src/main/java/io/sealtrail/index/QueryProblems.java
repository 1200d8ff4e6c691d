package io.sealtrail.index;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;

/**
 * Query mistakes said in plain words, with where (a 1-based column) and what to write instead. The common
 * ones (a field with nothing after it, an unclosed quote, parenthesis or range, a range without {@code TO})
 * are found by reading the query before Lucene does, because Lucene's own message lists the grammar's tokens
 * ("Encountered &lt;EOF&gt; at line 1, column 9. Was expecting one of: …"); whatever else Lucene rejects
 * is reduced to its column and the text found there.
 */
final class QueryProblems {
    private static final Pattern RANGE_BODY = Pattern.compile("\\s*(\"[^\"]*\"|\\S+)\\s+TO\\s+(\"[^\"]*\"|\\S+)\\s*");
    private static final Map<String, String> EXAMPLE = Map.of(IndexSchema.USER_NAME, "alice",
            IndexSchema.ACTION, "login", IndexSchema.OUTCOME, "failure", IndexSchema.TARGET_NAME, "prod-db-01",
            IndexSchema.SOURCE_IP, "10.0.0.5", IndexSchema.TIME, "2026-03-01", IndexSchema.COMMAND, "shadow");

    private QueryProblems() {
    }

    /** Throws a {@link Plain} for the first problem of the kinds Lucene explains badly. */
    static void check(String q) throws Plain {
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            switch (c) {
                case '\\' -> i++;
                case '"' -> {
                    int end = closingQuote(q, i + 1);
                    if (end < 0) {
                        throw new Plain("the quote at column " + (i + 1) + " is never closed — end the phrase with \"");
                    }
                    i = end;
                }
                case '(' -> open.push(i);
                case ')' -> {
                    if (open.isEmpty()) {
                        throw new Plain("the ) at column " + (i + 1) + " has no ( before it");
                    }
                    open.pop();
                }
                case ':' -> nothingAfter(q, i);
                case '[', '{' -> i = range(q, i);
                default -> {
                }
            }
        }
        if (!open.isEmpty()) {
            throw new Plain("the ( at column " + (open.peek() + 1) + " is never closed — add a )");
        }
    }

    /** An unknown field, with the nearest known name, or every name when none is near. */
    static String unknownField(String field) {
        TreeSet<String> names = new TreeSet<>();
        names.addAll(IndexSchema.KEYWORD_FIELDS);
        names.addAll(IndexSchema.TEXT_FIELDS);
        names.addAll(IndexSchema.LONG_FIELDS);
        names.addAll(IndexSchema.INT_FIELDS);
        String nearest = names.stream().min(Comparator.comparingInt((String n) -> distance(field, n))).orElseThrow();
        String known = distance(field, nearest) <= Math.max(2, field.length() / 3) ? "did you mean " + nearest + "?"
                : "the fields are " + String.join(", ", names) + ".";
        return "unknown field " + field + " — " + known + " To search for a word with a colon, quote it: \"" + field
                + ":…\"";
    }

    /** Lucene's own complaint, reduced to where it is and what is there. */
    static String fromLucene(String q, Throwable t) {
        if (t instanceof ParseException p && p.currentToken != null) {
            Token bad = p.currentToken.next != null ? p.currentToken.next : p.currentToken;
            if (bad.kind == 0 || bad.image == null || bad.image.isEmpty()) {
                return "the query stops too early at column " + (q.length() + 1) + " — something is missing after \""
                        + q.strip() + "\"";
            }
            // Lucene counts columns from 0
            return "the query cannot be read at column " + (bad.beginColumn + 1) + ": \"" + bad.image + "\" does not fit there";
        }
        if (t instanceof TokenMgrError) {
            if (q.endsWith("\\")) {
                return "the \\ at column " + q.length() + " escapes nothing — write \\\\ for a backslash";
            }
            return "the query has a character that cannot be read: " + t.getMessage();
        }
        return "the query cannot be read: " + t.getMessage();
    }

    private static int closingQuote(String q, int from) {
        for (int j = from; j < q.length(); j++) {
            char d = q.charAt(j);
            if (d == '\\') {
                j++;
            } else if (d == '"') {
                return j;
            }
        }
        return -1;
    }

    /** {@code field:} at the end, or before a closing parenthesis. */
    private static void nothingAfter(String q, int colon) throws Plain {
        int start = colon;
        while (start > 0 && !Character.isWhitespace(q.charAt(start - 1)) && "()+-!\"".indexOf(q.charAt(start - 1)) < 0) {
            start--;
        }
        int j = colon + 1;
        while (j < q.length() && Character.isWhitespace(q.charAt(j))) {
            j++;
        }
        if (start < colon && (j == q.length() || q.charAt(j) == ')')) {
            String field = q.substring(start, colon);
            throw new Plain("nothing after " + field + ": — give a value, e.g. " + field + ":" + example(field));
        }
    }

    /** Checks the range starting at {@code at} and returns where it ends. */
    private static int range(String q, int at) throws Plain {
        int end = -1;
        for (int j = at + 1; j < q.length() && end < 0; j++) {
            char d = q.charAt(j);
            if (d == '"') {
                int close = closingQuote(q, j + 1);
                if (close < 0) {
                    break;
                }
                j = close;
            } else if (d == ']' || d == '}') {
                end = j;
            }
        }
        String field = fieldBefore(q, at);
        String example = field + ":" + (IndexSchema.TIME.equals(field) ? "[2026-03-01 TO 2026-03-02]" : "[100 TO 200]");
        if (end < 0) {
            throw new Plain("the range at column " + (at + 1) + " is never closed — end it with ] or }, e.g. " + example);
        }
        String body = q.substring(at + 1, end);
        if (!RANGE_BODY.matcher(body).matches()) {
            throw new Plain("the range at column " + (at + 1) + " needs two ends with TO between them, e.g. " + example
                    + ", not " + q.substring(at, end + 1));
        }
        return end;
    }

    private static String fieldBefore(String q, int at) {
        if (at == 0 || q.charAt(at - 1) != ':') {
            return "seq";
        }
        int start = at - 1;
        while (start > 0 && !Character.isWhitespace(q.charAt(start - 1)) && "()+-!".indexOf(q.charAt(start - 1)) < 0) {
            start--;
        }
        return start < at - 1 ? q.substring(start, at - 1) : "seq";
    }

    private static String example(String field) {
        String e = EXAMPLE.get(field);
        if (e != null) {
            return e;
        }
        return IndexSchema.LONG_FIELDS.contains(field) || IndexSchema.INT_FIELDS.contains(field) ? "100" : "\"a value\"";
    }

    /** Edit distance, case-blind: a field typed with a capital is still near its name. */
    private static int distance(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        int[] prev = new int[y.length() + 1];
        int[] cur = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int same = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + same);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[y.length()];
    }

    /** A message already in plain words: passed on as it is. */
    static final class Plain extends ParseException {
        private static final long serialVersionUID = 1L;

        Plain(String message) {
            super(message);
        }
    }
}
