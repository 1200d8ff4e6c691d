package io.sealtrail.app.ui.session;

import io.sealtrail.index.EventQuery;
import io.sealtrail.index.EventSearch;
import java.time.Instant;
import java.time.ZoneId;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;

/**
 * What the features beside Search need of the open case's search: the query and time range in force, the
 * zone times are shown in, and a way to show events. The Search feature implements it; Bookmarks and
 * Reports and the Timeline depend on this, not on Search, so the workbench's features do not import each
 * other in a cycle; the window's {@link CaseSession} hands it to them.
 */
public interface QueryScope {
    /** The query text with its chips, as it runs. */
    String effectiveQuery();

    /** The query with its chips and the time filter, as they are now. */
    default EventQuery current() {
        return new EventQuery(effectiveQuery(), fromProperty().get(), toProperty().get());
    }

    /** Start of the time filter, or null for open. */
    ObjectProperty<Instant> fromProperty();

    /** End of the time filter, or null for open. */
    ObjectProperty<Instant> toProperty();

    /** The zone times are shown and typed in: UTC, or any zone chosen for the case (ui.zones). */
    ObjectProperty<ZoneId> zoneProperty();

    /** The open case's bundles searched together; null while no case is open. */
    EventSearch index();

    /** True while a search of the scope runs. */
    ReadOnlyBooleanProperty busyProperty();

    /** Runs another query with a time range, as if typed. */
    void run(EventQuery query);

    /** Shows the event {@code bundleId:seq} with the events around it, selected. */
    void showAround(String bundleId, long seq);

    /**
     * Shows a view of the events (a drill-down: a session, a timeline bucket) in the Search view: its chips and time
     * filter become the search, so the rows, facets and histogram agree, and Back returns to the view before.
     */
    void show(QueryView view);
}
