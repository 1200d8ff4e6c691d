package io.sealtrail.app.ui.session;

import io.sealtrail.index.EventQuery;
import io.sealtrail.model.EventRef;
import java.time.Instant;
import java.util.List;

/**
 * One view of a case's events as the Search view shows it: the typed query, its filter chips, the time filter and
 * the selected event. A drill-down (the events around one, a session, a timeline bucket) is a view like any
 * typed query, so what the rows show is what the facets and the histogram count, and the history of views can
 * walk back to it.
 *
 * @param text     the typed query, blank for every event
 * @param chips    clauses that must all hold as well, each shown as a chip the person can remove or edit
 * @param from     start of the time filter, inclusive, or null
 * @param to       end of the time filter, exclusive, or null
 * @param selected the event to select once the rows show, or null for the first row
 * @param label    what the view is, when a drill-down made it ("around b-1:12", "of session s-1f"); empty for a typed query
 */
public record QueryView(String text, List<String> chips, Instant from, Instant to, EventRef selected, String label) {

    public QueryView {
        text = text == null ? "" : text;
        chips = List.copyOf(chips);
        label = label == null ? "" : label;
    }

    /** A drill-down: these chips (no typed query) over this time filter, labelled. */
    public static QueryView drill(String label, List<String> chips, Instant from, Instant to) {
        return new QueryView("", chips, from, to, null, label);
    }

    /** The same view with another event selected. */
    public QueryView selecting(EventRef event) {
        return new QueryView(text, chips, from, to, event, label);
    }

    /** True when both views run the same query over the same time filter, whatever is selected. */
    public boolean sameQuery(QueryView other) {
        return other != null && text.strip().equals(other.text.strip()) && chips.equals(other.chips)
                && java.util.Objects.equals(from, other.from) && java.util.Objects.equals(to, other.to);
    }

    /** The typed query and every chip, all required, as the index gets them. */
    public String effectiveQuery() {
        List<String> parts = new java.util.ArrayList<>();
        String q = text.strip();
        if (!q.isEmpty() && !q.equals("*")) {
            parts.add(chips.isEmpty() ? q : "(" + q + ")");
        }
        parts.addAll(chips);
        return parts.isEmpty() ? "*" : String.join(" AND ", parts);
    }

    /** What the index is asked: the effective query within the time filter. */
    public EventQuery query() {
        return new EventQuery(effectiveQuery(), from, to);
    }
}
