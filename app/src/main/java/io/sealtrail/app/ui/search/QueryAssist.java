package io.sealtrail.app.ui.search;

import io.sealtrail.index.IndexSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * Help while typing a query: field-name completion for the word at the caret, and the history of queries
 * run in this session (Up/Down in the query field). Pure, so it is tested without the toolkit.
 */
public final class QueryAssist {
    /** Every field a query can name (docs/index-schema.md), most used first. */
    public static final List<String> FIELDS = List.of(IndexSchema.USER_NAME, IndexSchema.ACTION, IndexSchema.OUTCOME,
            IndexSchema.TARGET_KIND, IndexSchema.TARGET_NAME, IndexSchema.TARGET_ACCOUNT, IndexSchema.TARGET_NAMESPACE,
            IndexSchema.SOURCE_IP, IndexSchema.SOURCE_PORT, IndexSchema.SESSION_ID, IndexSchema.COMMAND,
            IndexSchema.COMMAND_KEYWORD, IndexSchema.QUERY, IndexSchema.QUERY_KEYWORD, IndexSchema.SESSION_OUTPUT,
            IndexSchema.REASON, IndexSchema.USER_ID, IndexSchema.USER_ROLES, IndexSchema.AUTH_METHOD, IndexSchema.AUTH_MFA,
            IndexSchema.USER_AGENT, IndexSchema.INTEGRITY, IndexSchema.TIME, IndexSchema.SEQ, IndexSchema.BUNDLE_ID,
            IndexSchema.EVENT_HASH, IndexSchema.SOURCE_FORMAT, IndexSchema.FILE);
    private static final int MAX_HISTORY = 100;
    private static final int MAX_SUGGESTIONS = 10;

    /** What to offer for the word ending at the caret, which starts at {@code start}. */
    public record Completion(int start, int end, List<String> fields) {
    }

    private final List<String> history = new ArrayList<>();
    /** Position while walking the history; history.size() means "the text being typed". */
    private int cursor;

    /**
     * Field names starting with the word before the caret (letters, digits, '.', '_'), when that word is not
     * already a field's value (no ':' right before it, not inside quotes); an empty list otherwise.
     */
    public static Completion complete(String text, int caret) {
        int start = caret;
        while (start > 0 && isFieldChar(text.charAt(start - 1))) {
            start--;
        }
        String word = text.substring(start, caret);
        boolean afterColon = start > 0 && text.charAt(start - 1) == ':';
        long quotes = text.substring(0, start).chars().filter(c -> c == '"').count();
        if (word.isEmpty() || afterColon || quotes % 2 == 1) {
            return new Completion(start, caret, List.of());
        }
        List<String> out = new ArrayList<>();
        for (String f : FIELDS) {
            if (f.startsWith(word) && !f.equals(word) && out.size() < MAX_SUGGESTIONS) {
                out.add(f);
            }
        }
        return new Completion(start, caret, out);
    }

    private static boolean isFieldChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_';
    }

    /** Remembers a query that was run (not twice in a row, blanks never). */
    public void ran(String query) {
        String q = query == null ? "" : query.strip();
        if (!q.isEmpty() && (history.isEmpty() || !history.get(history.size() - 1).equals(q))) {
            history.add(q);
            if (history.size() > MAX_HISTORY) {
                history.remove(0);
            }
        }
        cursor = history.size();
    }

    /** The query before the one shown (Up), or null at the oldest. */
    public String previous() {
        if (cursor == 0) {
            return null;
        }
        return history.get(--cursor);
    }

    /** The query after the one shown (Down); "" past the newest. */
    public String next() {
        if (cursor >= history.size() - 1) {
            cursor = history.size();
            return "";
        }
        return history.get(++cursor);
    }

    public List<String> history() {
        return List.copyOf(history);
    }
}
