package io.sealtrail.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "sealtrail", mixinStandardHelpOptions = true, version = "Sealtrail 0.1.0",
        description = "Verify, import, investigate and report on sealed audit-log bundles, offline.")
public final class SealtrailCommand implements Runnable {

    public static int run(String... args) {
        return new CommandLine(new SealtrailCommand()).execute(args);
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
