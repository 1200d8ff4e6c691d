package io.sealtrail.sources;

import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Location;
import io.sealtrail.model.Verdict;
import io.sealtrail.sources.cloudtrail.CloudTrailKeys;
import io.sealtrail.sources.cloudtrail.CloudTrailVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * What {@code verify} and {@code import} both do with a source: judge it by its own evidence, then read every
 * record and report the unreadable ones. Import indexes the records as they pass; verify only counts them.
 */
public final class SourceCheck {
    /** Findings per source about malformed records before one summary stands for the rest. */
    public static final int MAX_MALFORMED_FINDINGS = 100;

    private SourceCheck() {
    }

    /** How a file of the source is named in findings and the index: its path inside the source, or its own name. */
    public static String name(SourcePlan.Part part, Path source) {
        return part.file().isEmpty() ? source.getFileName().toString() : part.file();
    }

    /** The source's own integrity evidence: CloudTrail's digest chain where there is one, else none, said so. */
    public static SourceVerification evidence(Path source, SourcePlan plan, CloudTrailKeys keys) throws IOException {
        if (plan.kind() == SourcePlan.Kind.CLOUDTRAIL && CloudTrailVerifier.hasDigests(plan.tree())) {
            return CloudTrailVerifier.verify(plan.tree(), keys);
        }
        List<String> names = plan.kind() == SourcePlan.Kind.SUDO_IOLOG
                ? plan.parts().stream().flatMap(p -> io.sealtrail.sources.sudoio.SudoIolog.recordFiles(source, p.file())
                        .stream()).toList()
                : plan.parts().stream().map(p -> name(p, source)).toList();
        return SourceVerification.unsealed(plan.formatName(), names, Finding.of(FindingCode.SOURCE_UNSEALED,
                Location.file(names.size() == 1 ? names.get(0) : source.getFileName() + "/"), Verdict.NO_EVIDENCE
                        + (plan.kind() == SourcePlan.Kind.CLOUDTRAIL ? ": the CloudTrail tree holds no digest files (log"
                        + " file validation was off, or CloudTrail-Digest was not copied)" : "")
                        + ": nothing shows whether it was changed before it reached you"));
    }

    /** Reads every part of the plan, in order, and passes each record on. */
    public static void read(Path source, SourcePlan plan, ReadContext context, RecordSink sink) throws IOException {
        boolean cloudTrail = plan.kind() == SourcePlan.Kind.CLOUDTRAIL;
        for (SourcePlan.Part part : plan.parts()) {
            if (plan.kind() == SourcePlan.Kind.SUDO_IOLOG) {
                io.sealtrail.sources.sudoio.SudoIolog.read(source, part.file(), sink);
                continue;
            }
            Path file = part.file().isEmpty() ? source : source.resolve(part.file());
            String name = name(part, source);
            // CloudTrail hashes a log file's first gzip member only (data after it is a finding); other sources'
            // rotated .gz files may be several members, all of which are the log
            try (InputStream raw = Files.newInputStream(file);
                 InputStream in = !Gzip.isGzip(file) ? new java.io.BufferedInputStream(raw, 1 << 16)
                         : cloudTrail ? Gzip.open(raw) : new GZIPInputStream(raw, 1 << 16)) {
                part.format().read(in, new SourceFile(name, Files.getLastModifiedTime(file).toInstant()), context, sink);
            } catch (java.util.zip.ZipException | java.io.EOFException e) {
                if (cloudTrail) {
                    continue; // the verifier has reported the damaged file; no records can be read from it
                }
                throw new IOException(name + ": cannot be decompressed (" + e.getMessage() + "): the file is cut short"
                        + " or damaged", e);
            }
        }
    }

    /** Collects what reading found: malformed records (the first ones by file and line, then a count) and notes. */
    public static final class Findings implements RecordSink {
        private final List<Finding> findings = new ArrayList<>();
        private final Set<String> noted = new LinkedHashSet<>();
        private long malformed;
        private long records;

        @Override
        public void accept(SourceRecord r) {
            records++;
            if (r.isMalformed() && ++malformed <= MAX_MALFORMED_FINDINGS) {
                findings.add(Finding.of(FindingCode.RECORD_MALFORMED, Location.line(r.file(), r.line(), -1), r.problem()));
            }
        }

        /** A reader's note about the source as a whole (an assumed year), once however often it is made. */
        public void note(Finding f) {
            if (noted.add(f.code() + f.location().toString() + f.message())) {
                findings.add(f);
            }
        }

        public long malformed() {
            return malformed;
        }

        public long records() {
            return records;
        }

        /** The findings, with one standing for the malformed records beyond those listed. */
        public List<Finding> findings() {
            List<Finding> out = new ArrayList<>(findings);
            if (malformed > MAX_MALFORMED_FINDINGS) {
                out.add(new Finding(FindingCode.RECORD_MALFORMED, FindingCode.RECORD_MALFORMED.severity(),
                        String.format("%,d more malformed records (only the first %d are listed)",
                                malformed - MAX_MALFORMED_FINDINGS, MAX_MALFORMED_FINDINGS), Location.BUNDLE,
                        Map.of("count", Long.toString(malformed))));
            }
            return out;
        }

        /** The verification with these findings after its own. */
        public SourceVerification addTo(SourceVerification v) {
            List<Finding> all = new ArrayList<>(v.findings());
            all.addAll(findings());
            return new SourceVerification(v.format(), v.verdict(), all, v.files(), v.signers());
        }
    }
}
