package io.sealtrail.app.cli;

import io.sealtrail.verify.note.VerifierKey;
import io.sealtrail.verify.trust.SeenCheckpoint;
import io.sealtrail.verify.trust.SeenCheckpoints;
import io.sealtrail.verify.trust.TrustStore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "trust", mixinStandardHelpOptions = true,
        description = {"Manage the log keys you trust (your trust store).",
                "Stored in $SEALTRAIL_HOME, else $XDG_CONFIG_HOME/sealtrail or ~/.config/sealtrail (Windows: %APPDATA%\\Sealtrail,"
                        + " macOS: ~/Library/Application Support/Sealtrail), as trusted-keys."},
        subcommands = {TrustCommand.Add.class, TrustCommand.ListKeys.class, TrustCommand.Remove.class,
                TrustCommand.Seen.class, TrustCommand.CloudTrail.class})
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

    @Command(name = "cloudtrail-keys", mixinStandardHelpOptions = true,
            description = {"Trust the CloudTrail public keys in FILE, or show the ones stored.",
                    "Trust the CloudTrail public keys in FILE (the saved JSON output of 'aws cloudtrail",
                    "list-public-keys'): import and verify then check CloudTrail digests with them unless given",
                    "--cloudtrail-keys. Replaces the keys stored before. Without FILE: show what is stored."})
    static final class CloudTrail implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", arity = "0..1")
        java.nio.file.Path file;

        @Override
        public Integer call() throws Exception {
            PrintWriter o = spec.commandLine().getOut();
            java.util.Map<String, String> env = CliEnvironment.env();
            if (file != null) {
                io.sealtrail.app.CloudTrailKeyFile.store(file, env);
            }
            var stored = io.sealtrail.app.CloudTrailKeyFile.stored(env);
            if (stored.isEmpty()) {
                o.println("No CloudTrail keys trusted (sealtrail trust cloudtrail-keys FILE)");
            } else {
                var keys = io.sealtrail.sources.cloudtrail.CloudTrailKeys.read(stored.get());
                o.printf("%s %d CloudTrail key(s) from %s:%n", file != null ? "Trusted" : "Trusting",
                        keys.fingerprints().size(), stored.get());
                keys.fingerprints().forEach(f -> o.println("  " + f));
            }
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

    @Command(name = "seen", mixinStandardHelpOptions = true,
            description = {"List the checkpoints you verified before, per log.",
                    "List the checkpoints you verified before, per log: a later export of the log must show the",
                    "same roots where it reaches them, or its verdict names a fork (LOG_FORKED).",
                    "Stored beside the trust store as " + SeenCheckpoints.FILE_NAME + "."})
    static final class Seen implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--forget", paramLabel = "ORIGIN",
                description = "Forget everything remembered of this log (after a fork you have resolved with its operator).")
        String forget;

        @Override
        public Integer call() throws Exception {
            SeenCheckpoints store = SeenCheckpoints.forUser(CliEnvironment.env());
            PrintWriter o = spec.commandLine().getOut();
            if (forget != null) {
                int n = store.forget(forget);
                o.println(n == 0 ? "Nothing remembered of " + forget + "." : "Forgot " + n + " checkpoint(s) of " + forget + ".");
                o.flush();
                return n == 0 ? SealtrailCommand.EXIT_USAGE : 0;
            }
            List<SeenCheckpoint> all;
            try {
                all = store.all();
            } catch (java.io.IOException e) {
                throw new SealtrailCommand.UserException(e.getMessage(), e);
            }
            if (all.isEmpty()) {
                o.println("No checkpoints remembered yet (" + store.file() + ").");
            }
            Map<String, List<SeenCheckpoint>> byLog = new TreeMap<>();
            all.forEach(c -> byLog.computeIfAbsent(c.origin(), x -> new ArrayList<>()).add(c));
            byLog.forEach((origin, heads) -> {
                o.printf("%s: %d checkpoint(s), tree sizes %,d to %,d%n", origin, heads.size(),
                        heads.stream().mapToLong(SeenCheckpoint::size).min().orElse(0),
                        heads.stream().mapToLong(SeenCheckpoint::size).max().orElse(0));
                heads.stream().sorted(Comparator.comparingLong(SeenCheckpoint::size)).forEach(c -> o.printf(
                        "  %,12d  %s  %s  by %s%n                %s%n", c.size(), c.rootHash(), c.seenAt(), c.signer(),
                        c.source()));
            });
            o.flush();
            return 0;
        }
    }
}
