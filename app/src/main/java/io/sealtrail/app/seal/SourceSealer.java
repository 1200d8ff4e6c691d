package io.sealtrail.app.seal;

import io.sealtrail.app.AppInfo;
import io.sealtrail.model.AuditEvent;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Verdict;
import io.sealtrail.sources.ReadContext;
import io.sealtrail.sources.SourceCheck;
import io.sealtrail.sources.SourcePlan;
import io.sealtrail.sources.SourceRecord;
import io.sealtrail.verify.BundleVerifier;
import io.sealtrail.verify.VerificationReport;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.bundle.BundleFormatException;
import io.sealtrail.verify.bundle.BundleSource;
import io.sealtrail.verify.bundle.BundleWriter;
import io.sealtrail.verify.bundle.Manifest;
import io.sealtrail.verify.bundle.Timestamping;
import io.sealtrail.verify.event.EventLabels;
import io.sealtrail.verify.event.Utf8;
import io.sealtrail.verify.note.NoteSigner;
import io.sealtrail.verify.tsa.HttpTimestampAuthority;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongConsumer;

/**
 * {@code sealtrail seal}: turns the records of sources Sealtrail reads into a native sealed bundle, each record one
 * event line with its normalised fields beside its exact bytes (docs/decisions/0018-seal.md), written by the same
 * {@link BundleWriter} as every bundle: chained, checkpointed, signed, optionally timestamped, and continuing the
 * previous export. Records in source order; those the previous export sealed already are skipped. The bundle
 * appears only when complete.
 */
public final class SourceSealer {
    /** Leaves between checkpoints and events per segment: the generator's defaults. */
    static final long CHECKPOINT_INTERVAL = 10_000;
    static final int SEGMENT_EVENTS = 50_000;
    /** Unreadable records named in the refusal before a count stands for the rest. */
    private static final int MALFORMED_LISTED = 5;

    /**
     * What to seal and how.
     *
     * @param sources  files or folders of one format each, detected or {@code format}
     * @param format   a format name ({@code sealtrail formats}) to skip detection, or null
     * @param signer   the log's key; its name is the log's origin
     * @param previous the export this one continues, or null for a log's first
     * @param tsa      how checkpoints are timestamped, or null for not at all
     * @param context  the answers a format may need (year and zone of syslog, a mapping file)
     */
    public record Request(List<Path> sources, String format, NoteSigner signer, Path out, Path previous,
                          Timestamping tsa, ReadContext context) {
        public Request {
            sources = List.copyOf(sources);
        }
    }

    /** What was sealed: the bundle's manifest, the records sealed and those the previous export held already. */
    public record Result(Manifest manifest, long sealed, long skipped, String format) {
    }

    /**
     * Connects to an RFC 3161 authority over HTTP for {@link Request#tsa()}.
     *
     * @throws SealException of kind TSA when it does not answer with a token that verifies
     */
    public static Timestamping timestamping(java.net.URI url, List<java.security.cert.X509Certificate> ca)
            throws SealException {
        try {
            return HttpTimestampAuthority.connect(url, ca, HttpTimestampAuthority.DEFAULT_TIMEOUT);
        } catch (HttpTimestampAuthority.TsaException e) {
            throw new SealException(SealException.Kind.TSA, e.getMessage(), e);
        }
    }

    public Result seal(Request r, LongConsumer progress) throws SealException, IOException {
        if (Files.exists(r.out())) {
            throw new FileAlreadyExistsException(r.out().toString());
        }
        String origin = r.signer().verifierKey().name();
        List<Plan> plans = plans(r);
        BundleWriter.Continuation continuation = null;
        Set<String> sealedBefore = Set.of();
        if (r.previous() != null) {
            VerificationReport prev = previous(r, origin);
            continuation = prev.continuation().orElseThrow();
            sealedBefore = recordIds(r.previous(), prev.manifest());
        }
        BundleWriter.Options options = new BundleWriter.Options(origin, r.signer(), List.of(), CHECKPOINT_INTERVAL,
                SEGMENT_EVENTS, Duration.ZERO, r.tsa(), continuation, UUID.randomUUID().toString(),
                "sealtrail seal " + AppInfo.version(), java.time.Instant.now());
        Appender appender = new Appender(sealedBefore, progress);
        try (BundleWriter w = BundleWriter.create(r.out(), options)) {
            appender.writer = w;
            for (Plan p : plans) {
                SourceCheck.read(p.source, p.plan, r.context(), appender::accept);
            }
            if (!appender.malformed.isEmpty()) {
                throw new SealException(SealException.Kind.BAD_INPUT, appender.refusal());
            }
            if (appender.sealed == 0) {
                throw new SealException(SealException.Kind.BAD_INPUT, appender.skipped == 0
                        ? "nothing to seal: the sources hold no records"
                        : String.format("nothing to seal: all %,d records were sealed in %s already",
                        appender.skipped, r.previous()));
            }
            Manifest m = w.finish();
            String format = plans.stream().map(p -> p.plan.formatName()).distinct().count() == 1
                    ? plans.get(0).plan.formatName() : "mixed";
            return new Result(m, appender.sealed, appender.skipped, format);
        } catch (HttpTimestampAuthority.TsaException e) {
            throw new SealException(SealException.Kind.TSA, e.getMessage(), e);
        } catch (Appender.TooLong e) {
            throw new SealException(SealException.Kind.BAD_INPUT, e.getMessage(), e);
        }
    }

    private record Plan(Path source, SourcePlan plan) {
    }

    private static List<Plan> plans(Request r) throws SealException {
        if (r.sources().isEmpty()) {
            throw new SealException(SealException.Kind.BAD_INPUT, "name at least one source to seal");
        }
        List<Plan> plans = new ArrayList<>();
        for (Path s : r.sources()) {
            SourcePlan plan;
            try {
                plan = SourcePlan.of(s, r.format());
            } catch (IOException e) {
                throw new SealException(SealException.Kind.BAD_INPUT, e.getMessage(), e);
            }
            if (plan.kind() == SourcePlan.Kind.BUNDLE) {
                throw new SealException(SealException.Kind.BAD_INPUT, s + ": a Sealtrail bundle is sealed already;"
                        + " seal the records it came from, or continue its log with --previous");
            }
            plans.add(new Plan(s, plan));
        }
        return plans;
    }

    /** The previous export, verified with the signing key: a log is continued only from an intact export of it. */
    private static VerificationReport previous(Request r, String origin) throws SealException, IOException {
        VerificationReport prev;
        try {
            prev = new BundleVerifier().verify(r.previous(), VerifyOptions.trusting(List.of(r.signer().verifierKey())));
        } catch (BundleFormatException e) {
            throw new SealException(SealException.Kind.BAD_INPUT, "--previous " + e.getMessage(), e);
        }
        if (prev.manifest() == null || prev.continuation().isEmpty()) {
            throw new SealException(SealException.Kind.BAD_INPUT, "--previous " + r.previous()
                    + ": its manifest or events cannot be read");
        }
        if (!prev.manifest().origin().equals(origin)) {
            throw new SealException(SealException.Kind.KEY, "--previous " + r.previous() + " is an export of the log "
                    + prev.manifest().origin() + ", and the key signs for " + origin);
        }
        if (prev.findings().stream().anyMatch(f -> f.code() == FindingCode.SIGNER_KEY_MISMATCH)) {
            throw new SealException(SealException.Kind.KEY, "--previous " + r.previous() + " was not signed by the key"
                    + " given (" + r.signer().verifierKey().fingerprint() + "): continue a log with its own key");
        }
        if (prev.verdict() == Verdict.INTEGRITY_FAILURE) {
            throw new SealException(SealException.Kind.PREVIOUS_BROKEN, "--previous " + r.previous()
                    + " does not verify (" + prev.failureSummary() + "; 'sealtrail verify' lists why): a log is not"
                    + " continued from a broken export");
        }
        if (prev.verdict() != Verdict.VERIFIED) {
            throw new SealException(SealException.Kind.KEY, "--previous " + r.previous() + " was not signed by the key"
                    + " given (" + r.signer().verifierKey().fingerprint() + "): continue a log with its own key");
        }
        return prev;
    }

    /** The record ids the previous export's lines carry. */
    private static Set<String> recordIds(Path bundle, Manifest m) throws IOException {
        Set<String> ids = new HashSet<>();
        try (BundleSource src = BundleSource.open(bundle)) {
            for (Manifest.FileEntry seg : m.eventSegments()) {
                try (InputStream in = src.open(seg.path())) {
                    BufferedReader lines = new BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8),
                            1 << 16);
                    String line;
                    while ((line = lines.readLine()) != null) {
                        byte[] b = line.getBytes(StandardCharsets.UTF_8);
                        String id = EventLabels.of(b, 0, b.length).get(EventLabels.RECORD_ID);
                        if (id != null) {
                            ids.add(id);
                        }
                    }
                }
            }
        } catch (BundleFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
        return ids;
    }

    /** Takes each record as it is read and appends it, unless it was sealed before or cannot be read. */
    private static final class Appender {
        /** A record whose line would be too long: thrown through the reader, which knows no seal. */
        static final class TooLong extends RuntimeException {
            private static final long serialVersionUID = 1L;

            TooLong(String message) {
                super(message);
            }
        }

        private final Set<String> sealedBefore;
        private final LongConsumer progress;
        private final RecordIdentity identity = new RecordIdentity();
        private final List<SourceRecord> malformed = new ArrayList<>();
        private long malformedCount;
        private BundleWriter writer;
        private long sealed;
        private long skipped;

        Appender(Set<String> sealedBefore, LongConsumer progress) {
            this.sealedBefore = sealedBefore;
            this.progress = progress;
        }

        void accept(SourceRecord r) throws IOException {
            if (r.isMalformed()) {
                if (++malformedCount <= MALFORMED_LISTED) {
                    malformed.add(r);
                }
                return;
            }
            if (malformedCount > 0) {
                return; // the bundle will not be written: reading on only finds the other unreadable records
            }
            String id = identity.of(r);
            if (sealedBefore.contains(id)) {
                skipped++;
                return;
            }
            AuditEvent e = r.event();
            String canonicalTime = e.time().toString();
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put(EventLabels.RECORD_ID, id);
            labels.put(EventLabels.RECORD_FORMAT, e.sourceFormat());
            labels.put(EventLabels.RECORD_FILE, r.file());
            labels.put(EventLabels.RECORD_LINE, Long.toString(r.line()));
            if (e.timeText() != null && !e.timeText().equals(canonicalTime)) {
                labels.put(EventLabels.RECORD_TIME, e.timeText());
            }
            if (e.outcome() == null) {
                labels.put(EventLabels.OUTCOME, EventLabels.NO_OUTCOME);
            }
            if (r.output() != null) {
                labels.put(EventLabels.SESSION_OUTPUT, r.output());
            }
            if (Utf8.firstInvalid(r.raw(), 0, r.raw().length) < 0) {
                labels.put(EventLabels.RECORD, new String(r.raw(), StandardCharsets.UTF_8));
            } else {
                labels.put(EventLabels.RECORD_BASE64, Base64.getEncoder().encodeToString(r.raw()));
            }
            // the line's time is the instant in the bundle's grammar; the source's own text is in record.time
            AuditEvent line = new AuditEvent(-1, e.time(), canonicalTime, null, e.action(),
                    e.outcome() == null ? AuditEvent.Outcome.SUCCESS : e.outcome(), e.reason(), e.user(), e.auth(),
                    e.source(), e.target(), e.sessionId(), e.command(), e.query(), e.sourceFormat());
            try {
                writer.append(line, labels);
            } catch (BundleWriter.LineTooLongException tooLong) {
                throw new TooLong(r.file() + " line " + r.line() + ": " + tooLong.getMessage()
                        + " (the record is " + String.format("%,d", r.raw().length) + " bytes): it cannot be sealed");
            }
            if ((++sealed & 0xfff) == 0) {
                progress.accept(sealed);
            }
        }

        String refusal() {
            StringBuilder b = new StringBuilder(String.format("%,d record(s) cannot be read, so nothing was sealed"
                    + " (a sealed export holds every record or none):", malformedCount));
            for (SourceRecord r : malformed) {
                b.append("\n  ").append(r.file()).append(" line ").append(r.line()).append(": ").append(r.problem());
            }
            if (malformedCount > malformed.size()) {
                b.append(String.format("%n  and %,d more", malformedCount - malformed.size()));
            }
            return b.toString();
        }
    }
}
