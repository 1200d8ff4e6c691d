package io.sealtrail.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.cli.SealtrailCommand;
import io.sealtrail.opensearch.TestNode;
import io.sealtrail.verify.gen.ActivitySimulator;
import io.sealtrail.verify.gen.BundleGenerator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * One case imported with {@code --opensearch} into the test node (the opensearch module's {@link TestNode}, a real
 * OpenSearch in this JVM), with three annotated events: what the app's tests of a case that lives in OpenSearch
 * start from. Its 3,000 generated events come in twelve stretches of a quarter of an hour, a hundred days and some
 * hours apart, at different hours and weekdays: three years, so that the report's off-hours clause holds about 780
 * windows (some 1,560 Lucene clauses, more than the 1,024 OpenSearch takes in one request). Built once per test JVM.
 */
public final class ClusterCaseFixture {
    public static final String PREFIX = "sealtrail-apptest";
    private static ClusterCaseFixture shared;
    private static Throwable failed;

    /**
     * The case folder, the log key to trust, the node's URL, the bundle's id, and the CLI's config folder the case was
     * made with ({@code sealtrail.home}: its auditor key holds the case, so commands that write the journal need it).
     */
    public final Path caseDir;
    public final Path vkey;
    public final String url;
    public final String bundleId;
    public final Path home;

    private ClusterCaseFixture(Path caseDir, Path vkey, String url, String bundleId, Path home) {
        this.caseDir = caseDir;
        this.vkey = vkey;
        this.url = url;
        this.bundleId = bundleId;
        this.home = home;
    }

    public static synchronized ClusterCaseFixture shared() throws Exception {
        if (failed != null) {
            throw new IllegalStateException("the cluster case could not be made (see the first test that asked)", failed);
        }
        try {
            return make();
        } catch (Exception | AssertionError e) {
            failed = e; // a bundle is sent once: a second try would only fail on its index
            throw e;
        }
    }

    private static ClusterCaseFixture make() throws Exception {
        if (shared == null) {
            Path dir = Files.createTempDirectory("sealtrail-cluster-case-");
            Path bundle = dir.resolve("in/spread");
            long seed = 41;
            // heartbeats as rare as the stretches (none falls in one): no gap between them, a verified bundle
            BundleGenerator.Options d = BundleGenerator.Options.defaults(3000, seed);
            BundleGenerator.Options o = new BundleGenerator.Options(d.events(), seed, d.origin(), null, List.of(), null,
                    null, 1000, 1000, Duration.ofDays(2000), d.start(), outages());
            new BundleGenerator().generate(bundle, o, n -> { });
            Path vkey = Files.writeString(dir.resolve("in/spread.vkey"), BundleGenerator.seededSigner(
                    BundleGenerator.DEFAULT_ORIGIN, seed).verifierKey().encode() + "\n");
            String url = TestNode.shared().url();
            Path caseDir = dir.resolve("case");
            Path home = dir.resolve("home");
            String before = System.getProperty("sealtrail.home");
            System.setProperty("sealtrail.home", home.toString()); // the CLI's, as other CLI tests set it
            try {
                importAndAnnotate(bundle, vkey, url, caseDir);
                shared = new ClusterCaseFixture(caseDir, vkey, url, bundleId(caseDir), home);
            } finally {
                if (before == null) {
                    System.clearProperty("sealtrail.home");
                } else {
                    System.setProperty("sealtrail.home", before);
                }
            }
        }
        return shared;
    }

    /** Imports the bundle with --opensearch and annotates three of its events, as an auditor at the CLI would. */
    private static void importAndAnnotate(Path bundle, Path vkey, String url, Path caseDir) {
        ok("import", bundle.toString(), "--case", caseDir.toString(), "--trust", vkey.toString(), "--no-trust-store",
                "--opensearch", url, "--index-prefix", PREFIX);
        String id = bundleId(caseDir);
        ok("annotate", "--case", caseDir.toString(), "--event", id + ":7", "--bookmark");
        ok("annotate", "--case", caseDir.toString(), "--event", id + ":1500", "--tag", "weekend",
                "--comment", "root shell on a Sunday");
        ok("annotate", "--case", caseDir.toString(), "--event", id + ":2999", "--tag", "last");
    }

    private static String bundleId(Path caseDir) {
        return ok("search", "--case", caseDir.toString(), "seq:7", "--limit", "1", "--format", "csv").lines().skip(1)
                .findFirst().orElseThrow().split(",")[1];
    }

    /** Eleven outages of a hundred days less a quarter of an hour, each starting 3 h 15 min later in the day. */
    private static List<ActivitySimulator.Outage> outages() {
        Duration period = Duration.ofDays(100).plusHours(3).plusMinutes(15);
        List<ActivitySimulator.Outage> out = new ArrayList<>();
        for (int k = 0; k < 11; k++) {
            out.add(new ActivitySimulator.Outage(BundleGenerator.DEFAULT_START.plus(period.multipliedBy(k))
                    .plus(Duration.ofMinutes(15)), period.minus(Duration.ofMinutes(15))));
        }
        return out;
    }

    /** The key the CLI signed the case's journal with (the case's holder). */
    public io.sealtrail.verify.note.NoteSigner auditor() throws java.io.IOException {
        java.util.Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.put("SEALTRAIL_HOME", home.toString());
        return io.sealtrail.cases.AuditorKey.loadOrCreate(env);
    }

    /** Runs a command of the CLI in this JVM, which must succeed; what it printed. */
    public static String ok(String... args) {
        CommandLine cl = SealtrailCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        assertThat(exit).as(String.join(" ", args) + "\n" + out + err).isZero();
        return out.toString();
    }
}
