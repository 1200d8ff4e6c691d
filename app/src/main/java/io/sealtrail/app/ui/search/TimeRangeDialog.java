package io.sealtrail.app.ui.search;

import io.sealtrail.app.ui.session.TimeInput;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** The time filter typed in: From and To in the zone shown, either empty for an open end; OK only when both parse. */
final class TimeRangeDialog {
    /** What was typed; either end may be null. */
    record Range(Instant from, Instant to) {
    }

    private TimeRangeDialog() {
    }

    static Optional<Range> ask(Window owner, Instant from, Instant to, ZoneId zone) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Time filter");
        d.setHeaderText("Events from (inclusive) to (exclusive), in " + SearchText.zoneName(zone)
                + ".\n2026-03-02, 2026-03-02 10:00 or 2026-03-02T10:00:00Z; leave one empty for an open end.");
        TextField fromField = new TextField(TimeInput.format(from, zone));
        fromField.setId("fromField");
        TextField toField = new TextField(TimeInput.format(to, zone));
        toField.setId("toField");
        Label problem = new Label();
        problem.getStyleClass().add("search-error");
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.addRow(0, new Label("From"), fromField);
        g.addRow(1, new Label("To"), toField);
        g.add(problem, 1, 2);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) d.getDialogPane().lookupButton(ButtonType.OK);
        Range[] chosen = new Range[1];
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            try {
                Instant a = TimeInput.parse(fromField.getText(), zone);
                Instant b = TimeInput.parse(toField.getText(), zone);
                if (a != null && b != null && !a.isBefore(b)) {
                    throw new IllegalArgumentException("the start must be before the end");
                }
                chosen[0] = new Range(a, b);
            } catch (IllegalArgumentException ex) {
                problem.setText(ex.getMessage());
                e.consume(); // keep the dialog open
            }
        });
        return d.showAndWait().filter(b -> b == ButtonType.OK).map(b -> chosen[0]);
    }
}
