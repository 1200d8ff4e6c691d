package io.sealtrail.app;

import io.sealtrail.app.cli.SealtrailCommand;

/** Entry point of the launcher: the command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (Boolean.getBoolean(AppInfo.TIMING_PROPERTY)) { // how long the JVM took to come up, for 'bench gui'
            System.getLogger("sealtrail.timing").log(System.Logger.Level.INFO, "timing: main at "
                    + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() + " ms");
        }
        var importJvm = ImportJvm.command(java.util.List.of(args), System.getProperties(),
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments(), ImportJvm.launcherOptions());
        if (importJvm.isPresent()) {
            try {
                System.exit(ImportJvm.run(importJvm.get()));
            } catch (java.io.IOException e) {
                // the import runs here then, with this launcher's options: slower, not wrong
                System.getLogger(Main.class.getName()).log(System.Logger.Level.WARNING, "the import's own JVM did not start", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                System.exit(130);
            }
        }
        System.exit(SealtrailCommand.run(args));
    }
}
