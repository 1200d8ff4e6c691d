package io.sealtrail.app.ui.shell;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;

/**
 * Alt is a click modifier in the workbench (Alt+click on a field's value excludes it), but JavaFX's menu bar takes
 * a release of Alt for "go to the menu": the menu bar lit up after every Alt+click. Once the mouse was pressed while
 * Alt was down, that Alt's release is the end of a click, so it never reaches the menu bar; Alt pressed and released
 * alone still opens it.
 */
final class AltClickGuard {
    private boolean clickedWithAlt;

    private AltClickGuard() {
    }

    static void install(Scene scene) {
        AltClickGuard g = new AltClickGuard();
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ALT) {
                g.clickedWithAlt = false;
            }
        });
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.isAltDown()) {
                g.clickedWithAlt = true;
            }
        });
        scene.addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.ALT && g.clickedWithAlt) {
                g.clickedWithAlt = false;
                e.consume();
            }
        });
    }
}
