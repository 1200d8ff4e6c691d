package io.sealtrail.app.cli;

import io.sealtrail.verify.bundle.BundleFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root command. Exit codes are a contract (docs/cli.md): 0 verified, 1 integrity findings,
 * 2 usage error or unreadable input, 3 intact but not signed by a trusted key, 70 internal error.
 */
@Command(name = "sealtrail", mixinStandardHelpOptions = true, versionProvider = SealtrailCommand.Version.class,
        description = "Verify sealed audit-log bundles offline, and investigate them.")
public final class SealtrailCommand implements Runnable {
    public static final String VERSION = io.sealtrail.app.AppInfo.version();

    /** {@code --version}: the pom's version, as the workbench shows it. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Sealtrail " + VERSION};
        }
    }
    public static final int EXIT_VERIFIED = 0;
    public static final int EXIT_INTEGRITY = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_UNTRUSTED = 3;
    /** A source that carries no integrity evidence (docs/sources.md). */
    public static final int EXIT_NO_EVIDENCE = 4;
    public static final int EXIT_INTERNAL = 70;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Every subcommand, in the order help lists them. */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("gui", GuiCommand.class);
        m.put("gen", GenCommand.class);
        m.put("verify", VerifyCommand.class);
        m.put("checkpoint", CheckpointCommand.class);
        m.put("proof", ProofCommand.class);
        m.put("trust", TrustCommand.class);
        m.put("import", ImportCommand.class);
        m.put("formats", FormatsCommand.class);
        m.put("seal", SealCommand.class);
        m.put("search", SearchCommands.Search.class);
        m.put("facets", SearchCommands.Facets.class);
        m.put("histogram", SearchCommands.Histogram.class);
        m.put("sessions", SearchCommands.Sessions.class);
        m.put("around", SearchCommands.Around.class);
        m.put("session", SessionCommand.class);
        m.put("annotate", CaseCommands.Annotate.class);
        m.put("journal", CaseCommands.Journal.class);
        m.put("case", CaseCommands.Case.class);
        m.put("report", ReportCommand.class);
        m.put("demo", DemoCommand.class);
        return m;
    }

    public static int run(String... args) {
        if (args.length == 0 && GuiCommand.displayAvailable()) {
            args = new String[] {"gui"}; // the workbench is what a person starting "sealtrail" wants
        }
        return commandLine(args.length > 0 ? args[0] : null).execute(args);
    }

    /** The full command tree. */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The command tree for a run of {@code first}: picocli reflects over every registered command when it
     * builds the tree, which costs a noticeable part of a second, so a known subcommand is registered
     * alone. Help and unknown commands get the full tree, with the tools' commands when they are on the
     * class path (only then is it searched).
     */
    static CommandLine commandLine(String first) {
        CommandLine cl = new CommandLine(new SealtrailCommand());
        if (first != null && SUBCOMMANDS.containsKey(first)) {
            cl.addSubcommand(first, SUBCOMMANDS.get(first));
        } else {
            Map<String, Object> tools = toolCommands();
            if (first != null && tools.containsKey(first)) {
                cl.addSubcommand(first, tools.get(first));
            } else if (first != null && TOOLS.contains(first)) {
                cl.addSubcommand(first, new MissingTool(first)); // say what it is, not picocli's "Unmatched argument"
            } else {
                SUBCOMMANDS.forEach(cl::addSubcommand);
                tools.forEach(cl::addSubcommand);
                cl.addSubcommand("help", new CommandLine.HelpCommand());
            }
        }
        cl.setUsageHelpWidth(110); // descriptions are written for a wide terminal
        cl.setExecutionExceptionHandler(SealtrailCommand::onException);
        return cl;
    }

    /** The names of the tooling's commands (docs/decisions/0017-tools-apart.md). */
    static final java.util.Set<String> TOOLS = java.util.Set.of("bench");

    /** A tool's name when the tools jar is not on the class path: one plain sentence and the usage exit code. */
    @picocli.CommandLine.Command(mixinStandardHelpOptions = false)
    static final class MissingTool implements java.util.concurrent.Callable<Integer> {
        private final String name;
        @picocli.CommandLine.Unmatched
        java.util.List<String> rest;
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        MissingTool(String name) {
            this.name = name;
        }

        @Override
        public Integer call() {
            spec.commandLine().getErr().println("sealtrail: '" + name + "' is one of Sealtrail's tools, not part of"
                    + " the product: run it from a source checkout with ./sealtrail, which puts"
                    + " tools/target/sealtrail-tools.jar on the class path");
            return EXIT_USAGE;
        }
    }

    /** The tooling's commands on the class path ('bench'), by name; none in an installed Sealtrail. */
    private static Map<String, Object> toolCommands() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (ToolCommand t : ServiceLoader.load(ToolCommand.class)) {
            if (SUBCOMMANDS.containsKey(t.name())) {
                throw new IllegalStateException("the tool command '" + t.name() + "' would hide the product's command");
            }
            m.put(t.name(), t.command());
        }
        return m;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Bad input is one plain sentence and exit 2; only a bug prints a stack trace, and only on request. */
    private static int onException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof BundleFormatException || e instanceof UserException) {
            err.println("sealtrail: " + e.getMessage());
            return EXIT_USAGE;
        }
        if (e instanceof NoSuchFileException nf) {
            err.println("sealtrail: " + nf.getFile() + ": no such file");
            return EXIT_USAGE;
        }
        if (e instanceof FileAlreadyExistsException fe) {
            err.println("sealtrail: " + fe.getFile() + " already exists; choose another --out or remove it");
            return EXIT_USAGE;
        }
        if (e instanceof IOException io) {
            err.println("sealtrail: " + io.getMessage());
            return EXIT_USAGE;
        }
        err.println("sealtrail: internal error: " + e + " (set SEALTRAIL_DEBUG=1 for details)");
        if (System.getenv("SEALTRAIL_DEBUG") != null) {
            e.printStackTrace(err);
        }
        return EXIT_INTERNAL;
    }

    /** A problem with what the user asked for; its message is shown as is. */
    public static final class UserException extends Exception {
        private static final long serialVersionUID = 1L;

        public UserException(String message) {
            super(message);
        }

        public UserException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
