package io.sealtrail.app.ui.search;

import io.sealtrail.app.ui.session.QueryView;
import io.sealtrail.model.EventRef;
import java.util.ArrayList;
import java.util.List;

/**
 * The views the Search view showed, for Back and Forward (Alt+Left, Alt+Right), as a browser keeps them: visiting a
 * new view drops the views ahead of the current one; the oldest is forgotten past {@link #MAX} views. The current
 * view follows the selection, so going back returns to the event that was selected. Pure, so it is tested without
 * the toolkit.
 */
final class ViewHistory {
    static final int MAX = 100;

    private final int max;
    private final List<QueryView> views = new ArrayList<>();
    /** The current view's position; -1 while there is none. */
    private int at = -1;

    ViewHistory() {
        this(MAX);
    }

    ViewHistory(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("a history holds at least one view, not " + max);
        }
        this.max = max;
    }

    /**
     * The view now shown. Running the current view's query again is no new step (only its selection and label are
     * taken, when it has them); any other view becomes the newest, after the current one.
     */
    void visit(QueryView view) {
        if (at >= 0 && views.get(at).sameQuery(view)) {
            QueryView was = views.get(at);
            views.set(at, new QueryView(view.text(), view.chips(), view.from(), view.to(),
                    view.selected() != null ? view.selected() : was.selected(),
                    view.label().isEmpty() ? was.label() : view.label()));
            return;
        }
        views.subList(at + 1, views.size()).clear();
        views.add(view);
        if (views.size() > max) {
            views.remove(0);
        }
        at = views.size() - 1;
    }

    /** The event now selected in the current view (null for none). */
    void select(EventRef event) {
        if (at >= 0) {
            views.set(at, views.get(at).selecting(event));
        }
    }

    /** Steps back and returns the view to show, or null when there is none before. */
    QueryView back() {
        return canBack() ? views.get(--at) : null;
    }

    /** Steps forward and returns the view to show, or null when there is none after. */
    QueryView forward() {
        return canForward() ? views.get(++at) : null;
    }

    boolean canBack() {
        return at > 0;
    }

    boolean canForward() {
        return at >= 0 && at < views.size() - 1;
    }

    /** The current view, or null while there is none. */
    QueryView current() {
        return at < 0 ? null : views.get(at);
    }

    /** The view Back would show, or null. */
    QueryView previous() {
        return canBack() ? views.get(at - 1) : null;
    }

    /** The view Forward would show, or null. */
    QueryView following() {
        return canForward() ? views.get(at + 1) : null;
    }

    int size() {
        return views.size();
    }

    /** Forgets every view (another case is open: its views name other bundles). */
    void clear() {
        views.clear();
        at = -1;
    }
}
