package io.sealtrail.app.cli;

import io.sealtrail.verify.note.VerifierKey;
import io.sealtrail.verify.trust.TrustStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "trust", mixinStandardHelpOptions = true,
        description = {"Manage the log keys you trust (your trust store).",
                "Stored in $SEALTRAIL_HOME, else $XDG_CONFIG_HOME/sealtrail, else ~/.config/sealtrail, as trusted-keys."},
        subcommands = {TrustCommand.Add.class, TrustCommand.ListKeys.class, TrustCommand.Remove.class})
final class TrustCommand {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Trust a log key (confirm its fingerprint with the producer first).")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "VKEY|FILE", arity = "1..*")
        List<String> keys;

        @Option(names = "--comment", description = "A note stored with the key, e.g. who confirmed it.")
        String comment;

        @Override
        public Integer call() throws Exception {
            TrustStore store = TrustStore.forUser(CliEnvironment.env());
            PrintWriter o = spec.commandLine().getOut();
            for (VerifierKey k : Keys.verifierKeys(keys)) {
                boolean added = store.add(k, comment);
                o.printf("%s %s %s%n", added ? "Trusted" : "Already trusted", k.name(), k.fingerprint());
            }
            o.println("Trust store: " + store.file());
            o.flush();
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the keys you trust.")
    static final class ListKeys implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            TrustStore store = TrustStore.forUser(CliEnvironment.env());
            PrintWriter o = spec.commandLine().getOut();
            List<VerifierKey> keys = store.keys();
            if (keys.isEmpty()) {
                o.println("No trusted keys yet (" + store.file() + ").");
            }
            for (VerifierKey k : keys) {
                o.printf("%-40s %s%n    %s%n", k.name(), k.fingerprint(), k.encode());
            }
            o.flush();
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Stop trusting keys by name, fingerprint or vkey.")
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME|FINGERPRINT|VKEY")
        String which;

        @Override
        public Integer call() throws Exception {
            int n = TrustStore.forUser(CliEnvironment.env()).remove(which);
            spec.commandLine().getOut().println(n == 0 ? "No such key." : "Removed " + n + " key(s).");
            spec.commandLine().getOut().flush();
            return n == 0 ? SealtrailCommand.EXIT_USAGE : 0;
        }
    }
}
