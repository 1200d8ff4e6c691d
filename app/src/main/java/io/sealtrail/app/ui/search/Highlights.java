package io.sealtrail.app.ui.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which parts of an event's raw line to highlight for a query: the values and words the query looks for
 * (quoted phrases, field values without their wildcards, free words), never its operators, ranges or
 * excluded terms. Matching ignores case. Pure, so it is tested without the toolkit.
 */
public final class Highlights {
    /** A quoted phrase, a range, or a bare token, each optionally after "field:" and "NOT "/"-". */
    private static final Pattern TOKEN = Pattern.compile(
            "(NOT\\s+|-)?(?:[\\w.]+:)?(\"(?:[^\"\\\\]|\\\\.)*\"|[\\[{][^\\]}]*[\\]}]|[^\\s()\"]+)");
    private static final int MIN_LENGTH = 2;

    private Highlights() {
    }

    /** A stretch of the line: [start, end), highlighted or not. */
    public record Span(int start, int end, boolean highlighted) {
    }

    /** The terms of a query worth highlighting, lower-cased, longest first, without duplicates. */
    public static List<String> terms(String query) {
        List<String> out = new ArrayList<>();
        if (query == null) {
            return out;
        }
        Matcher m = TOKEN.matcher(query);
        while (m.find()) {
            if (m.group(1) != null) {
                continue; // excluded: not in the line, or not why it matched
            }
            String t = m.group(2);
            if (t.startsWith("[") || t.startsWith("{") || t.equals("AND") || t.equals("OR") || t.equals("NOT")
                    || t.equals("TO") || t.equals("*")) {
                continue;
            }
            if (t.startsWith("\"")) {
                t = t.substring(1, t.length() - 1).replace("\\\"", "\"");
            } else {
                t = t.replace("\\", "").replace("*", " ").replace("?", " ").strip();
                int space = t.indexOf(' ');
                t = space < 0 ? t : t.substring(0, space); // a wildcard's fixed part
            }
            String lower = t.toLowerCase(Locale.ROOT);
            if (lower.length() >= MIN_LENGTH && !out.contains(lower)) {
                out.add(lower);
            }
        }
        out.sort((a, b) -> b.length() - a.length());
        return out;
    }

    /** The line cut into plain and highlighted stretches covering it exactly, in order. */
    public static List<Span> spans(String line, List<String> terms) {
        boolean[] mark = new boolean[line.length()];
        String lower = line.toLowerCase(Locale.ROOT);
        for (String t : terms) {
            for (int i = lower.indexOf(t); i >= 0; i = lower.indexOf(t, i + 1)) {
                for (int j = i; j < i + t.length() && j < mark.length; j++) {
                    mark[j] = true;
                }
            }
        }
        List<Span> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= line.length(); i++) {
            if (i == line.length() || mark[i] != mark[start]) {
                out.add(new Span(start, i, mark[start]));
                start = i;
            }
        }
        return out;
    }
}
