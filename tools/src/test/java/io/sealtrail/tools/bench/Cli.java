package io.sealtrail.tools.bench;

import io.sealtrail.app.cli.SealtrailCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** The sealtrail command line in the test JVM, its output kept (what the benches are timed on is made with it). */
final class Cli {
    private Cli() {
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = SealtrailCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
