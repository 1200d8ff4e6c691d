package io.sealtrail.app;

import io.sealtrail.app.cli.SealtrailCommand;

/** Entry point of the launcher: the command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(SealtrailCommand.run(args));
    }
}
