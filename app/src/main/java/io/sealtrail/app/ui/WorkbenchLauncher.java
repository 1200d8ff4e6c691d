package io.sealtrail.app.ui;

/**
 * Starts the workbench from a plain classpath: the java launcher refuses a main class that extends
 * {@code Application} when JavaFX is not on the module path, so this one does not.
 */
public final class WorkbenchLauncher {
    private WorkbenchLauncher() {
    }

    public static void main(String[] args) {
        Workbench.main(args);
    }
}
