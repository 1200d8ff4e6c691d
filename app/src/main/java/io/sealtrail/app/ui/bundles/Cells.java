package io.sealtrail.app.ui.bundles;

import io.sealtrail.model.Severity;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

/** The workbench's list and table cells: pure presentation of row values. */
final class Cells {
    private Cells() {
    }

    static Region dot(String styleClass) {
        Region dot = new Region();
        dot.getStyleClass().addAll("dot", styleClass);
        dot.setMinSize(12, 12);
        dot.setMaxSize(12, 12);
        return dot;
    }

    static <S> TableCell<S, String> styled(String styleClass) {
        TableCell<S, String> cell = new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                setTooltip(empty || s == null ? null : new javafx.scene.control.Tooltip(s));
            }
        };
        cell.getStyleClass().add(styleClass);
        return cell;
    }

    /** Bundle list entry: verdict dot, name, and the banner's headline in small print. */
    static final class BundleCell extends ListCell<BundleViewModel> {
        /** Under the heading of the files opened for a look: they are not evidence of the case. */
        static final String NOT_IN_CASE = "not part of the case";

        @Override
        protected void updateItem(BundleViewModel b, boolean empty) {
            super.updateItem(b, empty);
            if (empty || b == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label name = new Label(b.name());
            name.getStyleClass().add("bundle-name");
            Label state = new Label(b.banner().kind() == Banner.Kind.FAILURE ? b.banner().headline()
                    : switch (b.banner().kind()) {
                        case VERIFIED -> "Verified";
                        case UNTRUSTED -> "Intact, not trusted";
                        case NO_EVIDENCE -> "No integrity evidence";
                        case PENDING -> "Verifying…";
                        case UNREADABLE -> "Not readable";
                        case CANCELLED -> "Cancelled";
                        case FAILURE -> "";
                    });
            state.getStyleClass().add("bundle-state");
            VBox text = new VBox(2, name, state);
            HBox box = new HBox(10, dot("dot-" + b.banner().kind().name().toLowerCase(Locale.ROOT)), text);
            box.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            String group = group(b);
            if (group == null) {
                setGraphic(box);
                return;
            }
            Label header = new Label(group);
            header.getStyleClass().add("bundle-group");
            VBox heading = new VBox(0, header);
            if (!b.inCase()) {
                Label note = new Label(NOT_IN_CASE);
                note.getStyleClass().add("bundle-group-note");
                heading.getChildren().add(note);
            }
            setGraphic(new VBox(6, heading, box));
        }

        /**
         * The heading over the first bundle of its group: the case's bundles, then the files opened for a look; null
         * for the other rows.
         */
        private String group(BundleViewModel b) {
            int i = getIndex();
            java.util.List<BundleViewModel> items = getListView() == null ? java.util.List.of() : getListView().getItems();
            if (i < 0 || i >= items.size() || (i > 0 && items.get(i - 1).inCase() == b.inCase())) {
                return null;
            }
            return b.inCase() ? "IN THE CASE" : "OPENED FOR A LOOK";
        }
    }

    /** Severity with a coloured dot. */
    static final class SeverityCell extends TableCell<FindingRow, Severity> {
        @Override
        protected void updateItem(Severity s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            String name = s.name().toLowerCase(Locale.ROOT);
            setGraphic(dot("dot-" + name));
            setText(switch (s) {
                case ERROR -> "Error";
                case WARNING -> "Warning";
                case INFO -> "Info";
            });
            getStyleClass().removeIf(c -> c.startsWith("severity-"));
            getStyleClass().add("severity-" + name);
        }
    }

    /** The root status: green when it matches, red otherwise, wrapped to the column. */
    static final class StatusCell extends TableCell<CheckpointRow, String> {
        @Override
        protected void updateItem(String s, boolean empty) {
            super.updateItem(s, empty);
            getStyleClass().removeAll("good", "bad");
            setTooltip(null);
            if (empty || s == null) {
                setText(null);
                return;
            }
            setText(s);
            if (s.endsWith("(edits)")) {
                setTooltip(new javafx.scene.control.Tooltip("The root does not match the events as they are, but it"
                        + " does once the events named EVENT_ALTERED get back the hashes the chain says they had:\n"
                        + "the signature proves that only those events were changed."));
            }
            getStyleClass().add(s.equals("matches") ? "good" : "bad");
        }
    }

    /** Long text wraps inside its column instead of being cut off. */
    static final class WrappingCell<S> extends TableCell<S, String> {
        private final Text text = new Text();

        WrappingCell() {
            text.getStyleClass().add("wrapping-text");
            text.wrappingWidthProperty().bind(widthProperty().subtract(16));
            setPrefHeight(Region.USE_COMPUTED_SIZE);
        }

        @Override
        protected void updateItem(String s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setGraphic(null);
                return;
            }
            text.setText(s);
            setGraphic(text);
        }
    }


    /** A main line and a smaller second line (e.g. signer and "trusted"), with the full text as tooltip. */
    static final class TwoLine<S> extends TableCell<S, S> {
        private final java.util.function.Function<S, String> main;
        private final java.util.function.Function<S, String> second;
        private final java.util.function.Function<S, String> secondStyle;
        private final java.util.function.Function<S, String> tooltip;

        TwoLine(java.util.function.Function<S, String> main, java.util.function.Function<S, String> second,
                java.util.function.Function<S, String> secondStyle, java.util.function.Function<S, String> tooltip) {
            this.main = main;
            this.second = second;
            this.secondStyle = secondStyle;
            this.tooltip = tooltip;
        }

        @Override
        protected void updateItem(S row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            Label first = new Label(main.apply(row));
            Label next = new Label(second.apply(row));
            next.getStyleClass().addAll("second-line", secondStyle.apply(row));
            setGraphic(new VBox(2, first, next));
            setTooltip(new javafx.scene.control.Tooltip(tooltip.apply(row)));
        }
    }
}
