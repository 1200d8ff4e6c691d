package io.sealtrail.app.ui.redaction;

import io.sealtrail.app.ui.dialogs.DialogService;
import java.io.IOException;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;

/** The redaction choice as a menu button: "Redaction: off ▾" with Off, Standard profile and Profile file…. */
public final class RedactionMenu {
    static final DialogService.Filter PROFILE = DialogService.Filter.of("Redaction profile", "*.profile", "*.txt", "*");

    private RedactionMenu() {
    }

    /** Makes {@code button} choose {@code choice}; a profile file is asked for through {@code dialogs}. */
    public static MenuButton install(MenuButton button, RedactionChoice choice, DialogService dialogs) {
        ToggleGroup group = new ToggleGroup();
        RadioMenuItem off = item("Off: exports and copies show the evidence as it is", "redactionOff", group);
        RadioMenuItem standard = item("Standard profile: secrets in commands, e-mail and IP addresses", "redactionStandard",
                group);
        RadioMenuItem file = item("Profile file…", "redactionFile", group);
        off.setOnAction(e -> choice.off());
        standard.setOnAction(e -> choice.standard());
        file.setOnAction(e -> {
            dialogs.openFile("Redact with this profile", List.of(PROFILE)).ifPresent(p -> {
                try {
                    choice.file(p);
                } catch (IOException ex) {
                    dialogs.showError("Not a redaction profile", ex.getMessage());
                }
            });
            select(choice, off, standard, file); // a cancelled or refused file leaves the choice as it was
        });
        button.getItems().setAll(off, standard, file);
        button.setMnemonicParsing(false);
        button.textProperty().bind(Bindings.createStringBinding(() -> "Redaction: " + choice.label(),
                choice.profileProperty()));
        button.setTooltip(new Tooltip("What leaves this window (exports, copies of the detail pane) is redacted with "
                + "this profile; the evidence is never changed, and the case journal records each redacted export"));
        choice.profileProperty().addListener((o, was, now) -> select(choice, off, standard, file));
        select(choice, off, standard, file);
        return button;
    }

    private static RadioMenuItem item(String text, String id, ToggleGroup group) {
        RadioMenuItem i = new RadioMenuItem(text);
        i.setId(id);
        i.setToggleGroup(group);
        return i;
    }

    private static void select(RedactionChoice choice, RadioMenuItem off, RadioMenuItem standard, RadioMenuItem file) {
        (!choice.on() ? off : choice.label().equals(io.sealtrail.index.Redaction.STANDARD) ? standard : file)
                .setSelected(true);
    }
}
