package io.sealtrail.app.ui.dialogs;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The standard dialogs of a workbench window: file and folder choosers, alerts, confirmations, a one-line
 * prompt. Controllers ask this instead of building dialogs, so they stay thin and a test can answer in the
 * user's place ({@code FxDialogService} is the real one). Called on the FX thread; the choosers, the
 * confirmation and the prompt wait for the answer, the alerts do not.
 */
public interface DialogService {

    /** A file type offered by a chooser: "CSV (spreadsheet)" with {@code *.csv}. */
    record Filter(String description, List<String> patterns) {
        public Filter {
            patterns = List.copyOf(patterns);
        }

        public static Filter of(String description, String... patterns) {
            return new Filter(description, List.of(patterns));
        }
    }

    /** A file to write: where, and which of the offered types was chosen (null when the chooser does not say). */
    record Saved(Path path, Filter filter) {
    }

    /** Files to read; empty when the user cancels. */
    List<Path> openFiles(String title, List<Filter> filters);

    /** One file to read. */
    Optional<Path> openFile(String title, List<Filter> filters);

    /** A folder to read. */
    Optional<Path> openFolder(String title);

    /** A file to write; {@code initial} is the file proposed (its folder, when it exists, is where the chooser starts). */
    Optional<Saved> saveFile(String title, Path initial, List<Filter> filters);

    /** Something failed; the user reads it and closes it. */
    void showError(String header, String message);

    /** Something the user should know before going on. */
    void showWarning(String header, String message);

    /** Something that went as asked, said once. */
    void showInformation(String header, String message);

    /** True when the user confirms (OK), false on Cancel or close. */
    boolean confirm(String header, String message);

    /** One line of text (a name), stripped; empty when the user cancels or gives none. */
    Optional<String> prompt(String title, String header, String label);
}
