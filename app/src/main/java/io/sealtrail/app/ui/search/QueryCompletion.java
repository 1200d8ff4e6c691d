package io.sealtrail.app.ui.search;

import javafx.application.Platform;
import javafx.geometry.Side;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Help while typing a query: the field names that complete the word being typed, in a menu under the field,
 * and Up/Down through the queries run before ({@link QueryAssist} decides; this shows it).
 */
final class QueryCompletion {
    private final QueryAssist assist = new QueryAssist();
    private final ContextMenu completions = new ContextMenu();
    private final TextField field;

    QueryCompletion(TextField field) {
        this.field = field;
        completions.setId("completions");
        field.textProperty().addListener((o, was, now) -> {
            if (field.isFocused()) {
                Platform.runLater(this::offer); // after the caret has moved
            }
        });
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                completions.hide();
            }
        });
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (completions.isShowing()) {
                return; // the menu takes Up/Down/Enter itself
            }
            String q = e.getCode() == KeyCode.UP ? assist.previous() : e.getCode() == KeyCode.DOWN ? assist.next() : null;
            if (q != null) {
                field.setText(q);
                field.end();
                completions.hide();
                e.consume();
            } else if (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN) {
                e.consume();
            }
        });
    }

    /** The query in the field is about to run: it joins the history, and the menu goes. */
    void ran() {
        completions.hide();
        assist.ran(field.getText());
    }

    private void offer() {
        QueryAssist.Completion c = QueryAssist.complete(field.getText(), field.getCaretPosition());
        if (c.fields().isEmpty()) {
            completions.hide();
            return;
        }
        completions.getItems().clear();
        for (String f : c.fields()) {
            MenuItem item = new MenuItem(f);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> {
                String t = field.getText();
                field.setText(t.substring(0, c.start()) + f + ":" + t.substring(c.end()));
                field.positionCaret(c.start() + f.length() + 1);
                completions.hide();
            });
            completions.getItems().add(item);
        }
        if (!completions.isShowing()) {
            completions.show(field, Side.BOTTOM, 0, 0);
        }
    }
}
