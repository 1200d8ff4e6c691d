package io.sealtrail.index;

import java.time.Instant;

/**
 * What an {@link EventSearch} method is asked about: a query in Lucene's classic syntax over the documented
 * fields (docs/index-schema.md; blank or {@code *} for every event) and a time window {@code [from, to)} on
 * {@code @timestamp}, either end null for open. Events without a readable time match only an open window.
 *
 * @param text  the query text; null reads as blank
 * @param from  the first instant of the window, inclusive, or null
 * @param to    the end of the window, exclusive, or null
 */
public record EventQuery(String text, Instant from, Instant to) {

    private static final EventQuery ALL = new EventQuery("", null, null);

    public EventQuery {
        text = text == null ? "" : text;
    }

    /** Every event. */
    public static EventQuery all() {
        return ALL;
    }

    /** The query text over all time. */
    public static EventQuery of(String text) {
        return new EventQuery(text, null, null);
    }

    /** A keyword value as an exact-term clause: {@code field:"value"}, quotes and backslashes escaped. */
    public static String term(String field, String value) {
        return field + ":\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** This window with another query text. */
    public EventQuery withText(String other) {
        return new EventQuery(other, from, to);
    }

    /** This query text in another window. */
    public EventQuery within(Instant newFrom, Instant newTo) {
        return new EventQuery(text, newFrom, newTo);
    }

    /** True when the window is open at both ends. */
    public boolean allTime() {
        return from == null && to == null;
    }
}
