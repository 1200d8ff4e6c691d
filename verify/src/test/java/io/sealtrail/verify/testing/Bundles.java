package io.sealtrail.verify.testing;

import io.sealtrail.model.Finding;
import io.sealtrail.tools.tsa.TestTimestampAuthority;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Severity;
import io.sealtrail.verify.BundleVerifier;
import io.sealtrail.verify.VerificationReport;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.bundle.BundleFormatException;
import io.sealtrail.verify.bundle.Timestamping;
import io.sealtrail.verify.gen.BundleGenerator;
import io.sealtrail.verify.gen.GeneratorTsa;
import io.sealtrail.verify.note.NoteSigner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Test fixtures: seeded bundles, the matching trust, and finding look-ups. */
public final class Bundles {
    public static final String ORIGIN = BundleGenerator.DEFAULT_ORIGIN;
    /** The test TSA of the tools, one per log, as {@code gen --timestamp} stamps with it. */
    public static final GeneratorTsa TEST_TSA = origin -> {
        TestTimestampAuthority tsa = TestTimestampAuthority.forLog(origin);
        return new Timestamping(tsa::stamp, tsa.chainPem());
    };

    private Bundles() {
    }

    public static NoteSigner signer(long seed) {
        return BundleGenerator.seededSigner(ORIGIN, seed);
    }

    /** Options that trust exactly the key seed {@code seed} implies. */
    public static VerifyOptions trusting(long seed) {
        return VerifyOptions.trusting(List.of(signer(seed).verifierKey()));
    }

    public static BundleGenerator.Options options(long events, long seed, long checkpointEvery, int segmentEvents) {
        return BundleGenerator.Options.defaults(events, seed).withLayout(checkpointEvery, segmentEvents);
    }

    public static Path generate(Path out, BundleGenerator.Options o) throws IOException, BundleFormatException {
        new BundleGenerator().generate(out, o, n -> { });
        return out;
    }

    public static VerificationReport verify(Path bundle, VerifyOptions o) throws BundleFormatException {
        return new BundleVerifier().verify(bundle, o);
    }

    public static List<Finding> findings(VerificationReport r, FindingCode code) {
        return r.findings().stream().filter(f -> f.code() == code).toList();
    }

    public static List<Finding> atLeast(VerificationReport r, Severity s) {
        return r.findings().stream().filter(f -> f.severity().compareTo(s) <= 0).toList();
    }

    /** All findings, one per line, for assertion messages. */
    public static String describe(VerificationReport r) {
        return r.verdict() + "\n" + r.findings().stream()
                .map(f -> "  " + f.severity() + " " + f.code() + " @ " + f.location() + ": " + f.message())
                .collect(Collectors.joining("\n"));
    }
}
