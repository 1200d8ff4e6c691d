package io.sealtrail.app.ui.search;

import java.time.ZoneId;
import java.time.ZoneOffset;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;

/** Small pieces of text and cells the parts of the Search view share. */
final class SearchText {
    private SearchText() {
    }

    /** Bundle ids are long; the table shows their first 8 characters as the CLI does, the detail the whole id. */
    static String shortId(String id) {
        return id.length() <= 8 ? id : id.substring(0, 8);
    }

    static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + " " + b;
    }

    /** "UTC", or the local zone's id. */
    static String zoneName(ZoneId z) {
        return ZoneOffset.UTC.equals(z) ? "UTC" : z.getId();
    }

    /** How wide {@code text} draws in the workbench's font (workbench.css) at this size. */
    static double textWidth(String text, double size, boolean bold) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(javafx.scene.text.Font.font("DejaVu Sans", bold ? javafx.scene.text.FontWeight.BOLD
                : javafx.scene.text.FontWeight.NORMAL, size));
        return t.getLayoutBounds().getWidth();
    }

    /** A view as Back and Forward name it: a drill-down by what it shows, a query by its text (and its time filter). */
    static String view(io.sealtrail.app.ui.session.QueryView v) {
        if (v == null) {
            return "nothing";
        }
        if (!v.label().isEmpty()) {
            return "the events " + v.label();
        }
        String q = v.effectiveQuery();
        String text = q.equals("*") ? "every event" : q.length() > 80 ? q.substring(0, 79) + "…" : q;
        return v.from() == null && v.to() == null ? text : text + " in a time filter";
    }

    static <T> ReadOnlyObjectWrapper<T> constant(T value) {
        return new ReadOnlyObjectWrapper<>(value);
    }

    static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("hint");
        return l;
    }
}
