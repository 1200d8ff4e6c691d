package io.sealtrail.app.ui.search;

import io.sealtrail.app.demo.DemoBundles;
import io.sealtrail.app.ui.TestBundles;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.CaseImporter;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.note.VerifierKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The demo's two exports imported into a case, made once per build in target/ui-test-case. */
public final class TestCase {
    private static Path dir;

    private TestCase() {
    }

    public static synchronized Path demoCase() {
        if (dir != null) {
            return dir;
        }
        Path d = Path.of("target", "ui-test-case").toAbsolutePath();
        try {
            if (CaseFolder.isCase(d) && CaseFolder.open(d, Clock.systemUTC()).bundles().size() == 2 && readable(d)) {
                return dir = d;
            }
            delete(d);
            DemoBundles.Demo demo = TestBundles.demo();
            VerifierKey key = VerifierKey.parse(Files.readString(demo.vkey()).strip());
            VerifyOptions trust = new VerifyOptions(List.of(key), List.of(), null, 2);
            CaseFolder c = CaseFolder.create(d, "UI test case", Clock.systemUTC());
            for (Path b : List.of(demo.first(), demo.second())) {
                new CaseImporter().importBundle(c, b, trust, TestBundles.signer(), CaseImporter.Progress.NONE, () -> false);
            }
            return dir = d;
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the demo case", e);
        }
    }

    /** A writable copy of the demo case at {@code to}, for tests that damage it. */
    public static Path copyOfDemoCase(Path to) throws IOException {
        Path from = demoCase();
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                    dest.toFile().setWritable(true);
                } else {
                    Files.copy(p, dest);
                    dest.toFile().setWritable(true);
                }
            }
        }
        return to;
    }

    /** What a copy stopped part-way leaves of an import's index: its files without the commit that names them. */
    public static void halfCopyIndex(Path caseDir, String bundleId) throws IOException {
        try (Stream<Path> files = Files.list(caseDir.resolve("bundles").resolve(bundleId).resolve("index"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
                Files.delete(f);
            }
        }
    }

    /** Whether this build reads the indexes a previous build left (the schema version may have changed). */
    private static boolean readable(Path d) {
        try (io.sealtrail.index.EventSearch s = open(d)) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** The demo case's indexes, opened together read-only; the caller closes them. */
    public static io.sealtrail.index.EventSearch openIndex() throws Exception {
        return open(demoCase());
    }

    private static io.sealtrail.index.EventSearch open(Path caseDir) throws Exception {
        CaseFolder c = CaseFolder.open(caseDir, Clock.systemUTC());
        List<Path> dirs = new java.util.ArrayList<>();
        for (io.sealtrail.cases.ImportRecord r : c.bundles()) {
            dirs.add(c.bundleDir(r.bundleId()).resolve("index"));
        }
        return io.sealtrail.index.EventSearch.open(dirs);
    }

    private static void delete(Path d) throws IOException {
        if (!Files.exists(d)) {
            return;
        }
        try (Stream<Path> s = Files.walk(d)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
