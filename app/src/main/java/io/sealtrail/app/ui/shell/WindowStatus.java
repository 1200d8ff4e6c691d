package io.sealtrail.app.ui.shell;

import io.sealtrail.app.ui.bundles.WorkbenchViewModel;
import io.sealtrail.app.ui.search.SearchViewModel;
import java.time.ZoneOffset;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.controlsfx.control.StatusBar;

/** The window's edges: the trust notice under the menu, and the status bar (verifications, time zone, Cancel). */
final class WindowStatus {
    private WindowStatus() {
    }

    static void bind(WorkbenchViewModel vm, SearchViewModel search, Label trustNotice, StatusBar statusBar,
                     Button zoneToggle, Button cancelButton) {
        trustNotice.textProperty().bind(vm.trustNoticeProperty());
        trustNotice.visibleProperty().bind(vm.trustNoticeProperty().isNotEmpty());
        trustNotice.managedProperty().bind(trustNotice.visibleProperty());
        statusBar.textProperty().bind(vm.statusProperty());
        statusBar.progressProperty().bind(vm.progressProperty());
        cancelButton.visibleProperty().bind(vm.busyProperty());
        cancelButton.managedProperty().bind(cancelButton.visibleProperty());
        // times in UTC or in this computer's zone: the search's zone, which every feature shows times in
        var zone = search.zoneProperty();
        zoneToggle.textProperty().bind(Bindings.createStringBinding(() -> "Times in "
                + (ZoneOffset.UTC.equals(zone.get()) ? "UTC" : zone.get().getId() + " (local)"), zone));
        zoneToggle.setTooltip(new Tooltip("Show times in UTC or in this computer's time zone;"
                + " queries, reports and the evidence stay in UTC"));
        zoneToggle.setOnAction(e -> search.toggleZone());
    }
}
