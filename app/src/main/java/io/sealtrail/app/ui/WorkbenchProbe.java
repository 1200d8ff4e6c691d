package io.sealtrail.app.ui;

import io.sealtrail.app.ui.shell.WorkbenchWindow;

/**
 * Tooling that watches or drives the window (the tools' timing log for 'bench gui', their screenshot tour), found
 * with {@link java.util.ServiceLoader} only when {@code -Dsealtrail.timing} or a screenshot folder asks for it, so
 * that the product neither depends on it nor pays for the search (docs/decisions/0017-tools-apart.md).
 */
public interface WorkbenchProbe {
    /**
     * Called on the FX thread once the window shows.
     *
     * @param startedAtMillis JVM uptime when {@code Application.start} began, or -1 when timing is off
     * @param quit            ends the workbench
     */
    void windowShown(WorkbenchWindow window, WorkbenchArguments args, long startedAtMillis, Runnable quit);
}
