package io.sealtrail.app.demo;

import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.CaseImporter;
import io.sealtrail.index.IndexException;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.bundle.BundleFormatException;
import io.sealtrail.verify.note.NoteFormatException;
import io.sealtrail.verify.note.NoteSigner;
import io.sealtrail.verify.note.VerifierKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The demo case: the two demo exports ({@link DemoBundles}) imported into a case beside them, made by this Sealtrail
 * on the spot (the command line's {@code demo}, and the workbench's offer on a first start), trusting the demo's own
 * key for the import only.
 *
 * @param caseDir the case folder
 * @param key     the demo log's key, which the workbench trusts for the session (never stored)
 */
public record DemoCase(Path caseDir, VerifierKey key, DemoBundles.Demo bundles) {
    /** The case's folder inside a demo folder. */
    public static Path caseDir(Path demoDir) {
        return demoDir.resolve("case");
    }

    /** The demo case in {@code demoDir}, made (bundles, then the case) unless it is there already. */
    public static DemoCase make(Path demoDir, NoteSigner auditor) throws IOException, BundleFormatException,
            IndexException, NoteFormatException {
        DemoBundles.Demo demo = DemoBundles.create(demoDir);
        VerifierKey key = VerifierKey.parse(Files.readString(demo.vkey()).strip());
        Path caseDir = caseDir(demoDir);
        if (!CaseFolder.isCase(caseDir)) {
            importBoth(caseDir, demo, trusting(key), auditor, (b, r) -> { });
        }
        return new DemoCase(caseDir, key, demo);
    }

    /** Verification that trusts the demo key alone, for the demo only. */
    public static VerifyOptions trusting(VerifierKey key) {
        return new VerifyOptions(List.of(key), List.of(), null, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Creates the case and imports the two exports into it, in order.
     *
     * @param imported told of each bundle once it is in the case
     */
    public static void importBoth(Path caseDir, DemoBundles.Demo demo, VerifyOptions trustDemo, NoteSigner auditor,
                                  BiConsumer<Path, CaseImporter.Result> imported)
            throws IOException, BundleFormatException, IndexException {
        CaseFolder c = CaseFolder.create(caseDir, "Sealtrail demo", Clock.systemUTC(), auditor);
        for (Path b : List.of(demo.first(), demo.second())) {
            imported.accept(b, new CaseImporter().importBundle(c, b, trustDemo, auditor, CaseImporter.Progress.NONE,
                    () -> false));
        }
    }
}
