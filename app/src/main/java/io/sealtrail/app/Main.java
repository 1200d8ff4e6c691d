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
        System.exit(SealtrailCommand.run(args));
    }
}
