package io.sealtrail.app.ui.shell;

import io.sealtrail.app.ui.bundles.WorkbenchViewModel;
import io.sealtrail.app.ui.zones.ZonePicker;
import io.sealtrail.app.ui.zones.ZoneViewModel;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.controlsfx.control.StatusBar;

/** The window's edges: the trust notice under the menu, and the status bar (verifications, time zone, Cancel). */
final class WindowStatus {
    private WindowStatus() {
    }

    static void bind(WorkbenchViewModel vm, ZoneViewModel zones, Label trustNotice, StatusBar statusBar,
                     Button zoneToggle, Button cancelButton) {
        trustNotice.textProperty().bind(vm.trustNoticeProperty());
        trustNotice.visibleProperty().bind(vm.trustNoticeProperty().isNotEmpty());
        trustNotice.managedProperty().bind(trustNotice.visibleProperty());
        statusBar.textProperty().bind(vm.statusProperty());
        statusBar.progressProperty().bind(vm.progressProperty());
        cancelButton.visibleProperty().bind(vm.busyProperty());
        cancelButton.managedProperty().bind(cancelButton.visibleProperty());
        // the zone every feature shows times in; an underscore in its id (America/New_York) is no mnemonic
        var zone = zones.zoneProperty();
        zoneToggle.setMnemonicParsing(false);
        zoneToggle.textProperty().bind(Bindings.createStringBinding(() -> "Times in " + zones.label(zone.get()),
                zone));
        zoneToggle.setTooltip(new Tooltip("Choose the time zone times are shown in, for this case;"
                + " queries, the evidence and the journal stay in UTC"));
        zoneToggle.setOnAction(e -> ZonePicker.show(zoneToggle.getScene().getWindow(), zones));
    }
}
