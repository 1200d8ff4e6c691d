package io.sealtrail.app.cli;

import io.sealtrail.app.cli.SealtrailCommand.UserException;
import io.sealtrail.verify.bundle.Manifest;
import io.sealtrail.verify.gen.BundleGenerator;
import io.sealtrail.verify.gen.GeneratorTsa;
import io.sealtrail.verify.note.NoteSigner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "gen", mixinStandardHelpOptions = true,
        description = {"Generate a realistic, signed audit-log bundle (deterministic for a seed).",
                "Without --key, the log key is derived from the seed and written next to the output as"
                        + " <out>.key (private) and <out>.vkey (verifier key): for tests and demos only."})
final class GenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--events", description = "Number of events (default: ${DEFAULT-VALUE}).", defaultValue = "10000")
    long events;

    @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).", defaultValue = "1")
    long seed;

    @Option(names = "--out", required = true, description = "Output: X.zip or X.sealtrail for a zip, anything else for a directory.")
    Path out;

    @Option(names = "--key", description = "Sign with this key (PRIVATE+KEY+... file).")
    Path key;

    @Option(names = "--previous", description = "Continue the log of this earlier export (uses PREV.key unless --key).")
    Path previous;

    @Option(names = "--timestamp", description = "Stamp each checkpoint with RFC 3161 tokens from a local test TSA"
            + " (a tool: needs the tools jar, which ./sealtrail adds).")
    boolean timestamp;

    @Option(names = "--origin", description = "Log origin (default: ${DEFAULT-VALUE}).",
            defaultValue = BundleGenerator.DEFAULT_ORIGIN)
    String origin;

    @Option(names = "--checkpoint-every", description = "Leaves between checkpoints (default: ${DEFAULT-VALUE}).",
            defaultValue = "10000")
    long checkpointEvery;

    @Option(names = "--segment-events", description = "Events per segment file (default: ${DEFAULT-VALUE}).",
            defaultValue = "50000")
    int segmentEvents;

    @Option(names = "--force", description = "Replace an existing output and its key files.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        if (events < 1 || checkpointEvery < 1 || segmentEvents < 1) {
            throw new UserException("--events, --checkpoint-every and --segment-events must be positive");
        }
        Path keyFile = sibling(out, ".key");
        Path vkeyFile = sibling(out, ".vkey");
        if (force) {
            delete(out);
            Files.deleteIfExists(keyFile);
            Files.deleteIfExists(vkeyFile);
        } else if (Files.exists(out)) {
            throw new UserException(out + " already exists (use --force to replace it)");
        }
        NoteSigner signer = null;
        if (key != null) {
            signer = Keys.signer(key);
        } else if (previous != null) {
            Path prevKey = sibling(previous, ".key");
            if (!Files.exists(prevKey)) {
                throw new UserException("continuing " + previous + " needs its log key: pass --key (looked for "
                        + prevKey + ")");
            }
            signer = Keys.signer(prevKey);
        }
        BundleGenerator.Options opts = BundleGenerator.Options.defaults(events, seed)
                .withSigner(signer).withPrevious(previous).withTimestamps(timestamp ? testTsa() : null)
                .withLayout(checkpointEvery, segmentEvents);
        opts = new BundleGenerator.Options(opts.events(), opts.seed(), origin, opts.signer(), opts.cosigners(),
                opts.previous(), opts.timestamps(), opts.checkpointInterval(), opts.segmentEvents(),
                opts.heartbeatInterval(), opts.start(), opts.outages());
        long t0 = System.nanoTime();
        Manifest m = new BundleGenerator().generate(out, opts, n -> { });
        NoteSigner used = signer != null ? signer : BundleGenerator.seededSigner(m.origin(), seed);
        if (key == null && previous == null) {
            writeKey(keyFile, used.encode() + "\n", true);
        }
        writeKey(vkeyFile, used.verifierKey().encode() + "\n", false);
        double s = (System.nanoTime() - t0) / 1e9;
        o.printf("Wrote %s: %,d events, leaves [%d, %d), %s to %s, %d files, in %.1f s%n", out, m.eventCount(),
                m.start(), m.end(), m.timeFrom(), m.timeTo(), m.files().size() + 2, s);
        o.printf("Log key: %s (%s)%n", used.verifierKey().encode(), used.verifierKey().fingerprint());
        o.printf("Verifier key written to %s%s%n", vkeyFile,
                key == null && previous == null ? "; private key to " + keyFile : "");
        return 0;
    }

    /** The tools' test TSA: tooling, so the product finds it on the class path or says it is not there. */
    private static GeneratorTsa testTsa() throws UserException {
        return ServiceLoader.load(GeneratorTsa.class).findFirst().orElseThrow(() -> new UserException(
                "--timestamp needs the test time-stamping authority of Sealtrail's tools, which is not on the class path"
                        + " (./sealtrail adds tools/target/sealtrail-tools.jar; an installed Sealtrail has no test TSA)"));
    }

    static Path sibling(Path p, String suffix) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + suffix);
    }

    private static void writeKey(Path file, String text, boolean secret) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file);
        if (secret) {
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system; the user's folder permissions apply
            }
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void delete(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path x : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(x);
            }
        }
    }
}
