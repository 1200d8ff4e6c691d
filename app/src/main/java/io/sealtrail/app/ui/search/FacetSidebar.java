package io.sealtrail.app.ui.search;

import io.sealtrail.index.FacetValue;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The FIELDS sidebar: the top values of each facet field with their counts; a click filters, Alt+click excludes. */
final class FacetSidebar {
    private final SearchViewModel vm;
    private final VBox box;

    FacetSidebar(SearchViewModel vm, VBox box) {
        this.vm = vm;
        this.box = box;
        for (String f : SearchViewModel.FACET_FIELDS) {
            vm.facets(f).addListener((ListChangeListener<FacetValue>) c -> show());
        }
        show();
    }

    private void show() {
        box.getChildren().clear();
        Label title = new Label("FIELDS");
        title.getStyleClass().add("sidebar-title");
        Label how = new Label("Click a value to filter on it, Alt+click to exclude it.");
        how.getStyleClass().add("hint");
        how.setWrapText(true);
        box.getChildren().addAll(title, how);
        for (String f : SearchViewModel.FACET_FIELDS) {
            Label name = new Label(f);
            name.getStyleClass().add("facet-field");
            box.getChildren().add(name);
            List<FacetValue> values = vm.facets(f);
            if (values.isEmpty()) {
                box.getChildren().add(SearchText.hint("—"));
            }
            for (FacetValue v : values) {
                box.getChildren().add(row(f, v));
            }
        }
    }

    private HBox row(String f, FacetValue v) {
        Label value = new Label(v.value());
        value.getStyleClass().add("facet-value");
        value.setMaxWidth(Double.MAX_VALUE);
        value.setMinWidth(0);
        // a long value (an account id, a host name) wraps inside the sidebar instead of ending in "…"
        value.setWrapText(true);
        value.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(value, Priority.ALWAYS);
        Label count = new Label(String.format("%,d", v.count()));
        count.getStyleClass().add("facet-count");
        count.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(6, value, count);
        row.getStyleClass().add("facet-row");
        row.setId("facet-" + f + "-" + v.value());
        Tooltip.install(row, new Tooltip(f + ":\"" + v.value() + "\" — click to filter, Alt+click to exclude"));
        row.setOnMouseClicked(e -> vm.addFilter(f, v.value(), e.isAltDown()));
        return row;
    }
}
