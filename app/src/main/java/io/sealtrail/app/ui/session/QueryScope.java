package io.sealtrail.app.ui.session;

import java.time.Instant;
import java.time.ZoneId;
import javafx.beans.property.ObjectProperty;

/**
 * What the features beside Search need of the open case's search: the query and time range in force, the
 * zone times are shown in, and a way to show events. The Search feature implements it; Bookmarks and
 * Reports depend on this, not on Search, so the workbench's features do not import each other in a cycle
 * (a first step to the per-window case session of issue 12).
 */
public interface QueryScope {
    /** The query text with its chips, as it runs. */
    String effectiveQuery();

    /** Start of the time filter, or null for open. */
    ObjectProperty<Instant> fromProperty();

    /** End of the time filter, or null for open. */
    ObjectProperty<Instant> toProperty();

    /** The zone times are shown and typed in (UTC or the local zone). */
    ObjectProperty<ZoneId> zoneProperty();

    /** Runs another query with a time range, as if typed. */
    void run(String query, Instant from, Instant to);

    /** Shows the event {@code bundleId:seq} with the events around it, selected. */
    void showAround(String bundleId, long seq);
}
