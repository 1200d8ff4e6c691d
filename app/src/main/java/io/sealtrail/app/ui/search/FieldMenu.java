package io.sealtrail.app.ui.search;

import io.sealtrail.index.Hit;
import java.util.function.Supplier;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * The right-click menu of a table cell or a detail field: filter for its value, exclude it, copy it, copy the
 * whole row (or every field). Filtering adds a chip through {@link SearchViewModel}; a source record's own field,
 * which the index does not hold, can only be copied.
 */
final class FieldMenu {
    private FieldMenu() {
    }

    /**
     * @param hit    the event under the pointer when the menu opens (null: nothing to do)
     * @param column the column or field under the pointer
     * @param all    what "copy all" copies, and its label
     */
    static ContextMenu of(SearchViewModel vm, Supplier<Hit> hit, Supplier<String> column, String allLabel,
                          java.util.function.Function<Hit, String> all) {
        MenuItem filter = new MenuItem("Filter for value");
        filter.setMnemonicParsing(false);
        filter.setId("filter-for");
        MenuItem exclude = new MenuItem("Exclude value");
        exclude.setMnemonicParsing(false);
        exclude.setId("exclude-value");
        MenuItem copy = new MenuItem("Copy value");
        copy.setId("copy-value");
        MenuItem copyAll = new MenuItem(allLabel);
        copyAll.setId("copy-all");
        filter.setOnAction(e -> ResultColumns.filter(vm, hit.get(), column.get(), false));
        exclude.setOnAction(e -> ResultColumns.filter(vm, hit.get(), column.get(), true));
        copy.setOnAction(e -> copy(ResultColumns.copyText(hit.get(), column.get())));
        copyAll.setOnAction(e -> copy(all.apply(hit.get())));
        ContextMenu menu = new ContextMenu(filter, exclude, new SeparatorMenuItem(), copy, copyAll);
        menu.setOnShowing(e -> {
            Hit h = hit.get();
            boolean searchable = h != null && ResultColumns.filterable(h, column.get());
            // the menu says what it will do: "Filter for user.name = alice"
            String field = h == null ? "" : ResultColumns.field(h, column.get());
            String what = h == null ? "" : " " + field + " = " + shorten(io.sealtrail.index.HitFields.value(h, field));
            filter.setText("Filter for" + (searchable ? what : " value"));
            exclude.setText("Exclude" + (searchable ? what : " value"));
            filter.setDisable(!searchable);
            exclude.setDisable(!searchable);
            copy.setDisable(h == null || ResultColumns.copyText(h, column.get()).isEmpty());
            copyAll.setDisable(h == null);
        });
        return menu;
    }

    private static String shorten(String s) {
        String one = s.replace('\n', ' ');
        return one.length() > 40 ? one.substring(0, 39) + "…" : one;
    }

    static void copy(String s) {
        ClipboardContent c = new ClipboardContent();
        c.putString(s);
        Clipboard.getSystemClipboard().setContent(c);
    }
}
