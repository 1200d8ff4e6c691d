package io.sealtrail.app.ui.shell;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The two layouts of the window's tab pane. Without a case it holds the Verification tab alone, its header
 * hidden (style class {@value #WITHOUT_CASE}), so the window is the verification view; from the moment a case
 * is being opened it holds every tab, Search in front. A tab's content joins the scene when the tab is first
 * selected: every node in the scene is styled and laid out even when its tab is hidden, and the first window
 * with a case open should only pay for Search.
 */
final class CaseTabs {
    static final String WITHOUT_CASE = "without-case";

    private final TabPane pane;
    private final List<Tab> all;
    private final Tab front;
    private final Tab alone;
    private final Map<Tab, Node> contents = new IdentityHashMap<>();
    private boolean caseLayout;

    /**
     * @param all   every tab, in order, each with its content
     * @param front the tab shown when a case opens
     * @param alone the tab shown without a case
     */
    CaseTabs(TabPane pane, List<Tab> all, Tab front, Tab alone) {
        this.pane = pane;
        this.all = List.copyOf(all);
        this.front = front;
        this.alone = alone;
        for (Tab t : all) {
            contents.put(t, t.getContent());
            t.setContent(null);
            t.selectedProperty().addListener((o, was, now) -> {
                if (now && t.getContent() == null) {
                    t.setContent(contents.get(t));
                }
            });
        }
        caseLayout = true; // so that the next call lays the pane out
        withoutCase();
    }

    /** The case's layout, Search in front. */
    void withCase() {
        if (!caseLayout) {
            caseLayout = true;
            alone.setContent(null); // joins the scene again when its tab is chosen
            pane.getTabs().setAll(all);
            pane.getStyleClass().remove(WITHOUT_CASE);
            pane.setFocusTraversable(true);
        }
        pane.getSelectionModel().select(front);
        front.setContent(contents.get(front));
    }

    /** The verification view alone, as before any case was opened. */
    void withoutCase() {
        if (caseLayout) {
            caseLayout = false;
            pane.getTabs().setAll(alone);
            pane.getStyleClass().add(WITHOUT_CASE);
            pane.setFocusTraversable(false); // its header is hidden: Tab goes to the verification view instead
        }
        pane.getSelectionModel().select(alone);
        alone.setContent(contents.get(alone));
    }

    boolean showsCase() {
        return caseLayout;
    }

    /** Brings a tab to the front (nothing without a case: only the verification view is there). */
    void select(Tab tab) {
        if (caseLayout) {
            pane.getSelectionModel().select(tab);
        }
    }
}
