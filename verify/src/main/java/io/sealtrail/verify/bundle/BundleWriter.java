package io.sealtrail.verify.bundle;

import io.sealtrail.model.AuditEvent;
import io.sealtrail.verify.event.EventJson;
import io.sealtrail.verify.event.EventLineParser;
import io.sealtrail.verify.merkle.CompactRange;
import io.sealtrail.verify.merkle.Merkle;
import io.sealtrail.verify.merkle.Sha256;
import io.sealtrail.verify.note.Checkpoint;
import io.sealtrail.verify.note.NoteSigner;
import io.sealtrail.verify.note.NoteFormatException;
import io.sealtrail.verify.note.SignedNote;
import io.sealtrail.verify.note.VerifierKey;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a bundle (docs/bundle-format.md) in one streaming pass: chains and hashes each event, signs a
 * checkpoint every {@code checkpointInterval} leaves of the log and at the end, optionally timestamps
 * each checkpoint, then writes and signs the manifest. Output goes to a temporary sibling and appears
 * under its final name only when complete, so a crash never leaves a half-written bundle.
 */
public final class BundleWriter implements AutoCloseable {
    private static final HexFormat HEX = HexFormat.of();
    /** The longest event line, without its LF, that a verifier parses (docs/bundle-format.md §17). */
    public static final int MAX_LINE = 1 << 20;

    /** An event whose line would be longer than {@link #MAX_LINE}: it is not written, the bundle goes on. */
    public static final class LineTooLongException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        LineTooLongException(String message) {
            super(message);
        }
    }

    /** Where a continued log stands: the tree over all earlier leaves and the last entry hash. */
    public record Continuation(String bundleId, CompactRange tree, String lastEntryHash, Instant lastTime) {
        public Continuation {
            tree = tree.copy();
        }
    }

    /**
     * @param created when the bundle is sealed (the wall clock of a real export), or null for its last event's time
     *                + 60 s, which keeps a seeded bundle reproducible
     */
    public record Options(String origin, NoteSigner signer, List<NoteSigner> cosigners, long checkpointInterval,
                          int segmentEvents, Duration heartbeatInterval, Timestamping tsa,
                          Continuation previous, String bundleId, String producer, Instant created) {
        public Options {
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(signer, "signer");
            cosigners = List.copyOf(cosigners);
            if (checkpointInterval < 1 || segmentEvents < 1) {
                throw new IllegalArgumentException("checkpoint interval and segment size must be positive");
            }
        }
    }

    private final Options options;
    private final BundleOutput output;
    private final CompactRange tree;
    private final long start;
    private final MessageDigest leafDigest = Sha256.newDigest();
    private final EventJson json = new EventJson();
    private final List<Manifest.FileEntry> segments = new ArrayList<>();
    private final Map<String, byte[]> smallFiles = new LinkedHashMap<>();
    private final List<byte[]> startCompactRange;
    private final byte[] startRoot;

    private String prevHash;
    private Instant firstTime;
    private Instant lastTime;
    private SegmentSink segment;
    private boolean finished;

    private static final class SegmentSink {
        final String path;
        final long firstSeq;
        final MessageDigest digest = Sha256.newDigest();
        final CountingStream counter;
        final OutputStream out;
        long count;

        SegmentSink(String path, long firstSeq, OutputStream raw) {
            this.path = path;
            this.firstSeq = firstSeq;
            this.counter = new CountingStream(raw);
            this.out = new DigestOutputStream(counter, digest);
        }
    }

    private BundleWriter(Options options, BundleOutput output) {
        this.options = options;
        this.output = output;
        Continuation prev = options.previous();
        this.tree = prev == null ? CompactRange.empty() : prev.tree().copy();
        this.start = tree.size();
        this.startCompactRange = tree.hashes();
        this.startRoot = tree.root();
        this.prevHash = prev == null ? EventLineParser.zeroHash() : prev.lastEntryHash();
    }

    /** Starts a bundle that will appear at {@code out}: a directory, or a zip if the name ends in .zip or .sealtrail. */
    public static BundleWriter create(Path out, Options options) throws IOException {
        return new BundleWriter(options, BundleOutput.create(out));
    }

    public long nextSeq() {
        return tree.size();
    }

    /** Chains {@code draft} into the log (sets seq and prev) and writes its line. */
    public AuditEvent append(AuditEvent draft) throws IOException {
        return append(draft, Map.of());
    }

    /**
     * As {@link #append(AuditEvent)}, with the line's {@code labels} (producer extensions, string values).
     *
     * @throws LineTooLongException when the line would exceed {@link #MAX_LINE}; nothing was written
     */
    public AuditEvent append(AuditEvent draft, Map<String, String> labels) throws IOException {
        if (finished) {
            throw new IllegalStateException("bundle already finished");
        }
        AuditEvent e = draft.withChain(tree.size(), prevHash);
        byte[] line = json.line(e, labels);
        if (line.length - 1 > MAX_LINE) {
            throw new LineTooLongException(String.format("the event line would be %,d bytes; a bundle's lines hold at"
                    + " most %,d", line.length - 1, MAX_LINE));
        }
        if (segment == null || segment.count >= options.segmentEvents()) {
            closeSegment();
            String path = String.format("%s%012d.jsonl", Manifest.EVENTS_DIR, e.seq());
            segment = new SegmentSink(path, e.seq(), output.openEntry(path));
        }
        segment.out.write(line);
        segment.count++;
        byte[] leaf = Merkle.leafHash(leafDigest, line, 0, line.length - 1); // the entry is the line without its LF
        tree.append(leaf);
        prevHash = HEX.formatHex(leaf);
        // the range spans every event: a source's records need not come in time order (a session's commands
        // follow its start, the next session may have started earlier), and a generated log's do
        if (firstTime == null || e.time().isBefore(firstTime)) {
            firstTime = e.time();
        }
        if (lastTime == null || e.time().isAfter(lastTime)) {
            lastTime = e.time();
        }
        if (tree.size() % options.checkpointInterval() == 0) {
            checkpoint();
        }
        return e;
    }

    private void closeSegment() throws IOException {
        if (segment != null) {
            segment.out.flush();
            output.closeEntry();
            segments.add(new Manifest.FileEntry(segment.path, segment.counter.count,
                    HEX.formatHex(segment.digest.digest()), segment.firstSeq, segment.count));
            segment = null;
        }
    }

    private byte[] checkpoint() {
        Checkpoint cp = new Checkpoint(options.origin(), tree.size(), tree.root(), List.of());
        byte[] note = signed(cp.encode(), true);
        String name = Manifest.CHECKPOINTS_DIR + tree.size() + ".checkpoint";
        smallFiles.put(name, note);
        if (options.tsa() != null) {
            // Stamped at the checkpoint's logical time, so generated bundles are reproducible.
            smallFiles.put(Manifest.TIMESTAMPS_DIR + tree.size() + ".tsr",
                    options.tsa().authority().stamp(note, lastTime.plusSeconds(1)));
        }
        return note;
    }

    /** Signs with the log key and any further operator keys; witnesses cosign checkpoints only. */
    private byte[] signed(String text, boolean checkpoint) {
        byte[] note = options.signer().sign(text);
        for (NoteSigner co : options.cosigners()) {
            boolean witness = co.verifierKey().type() == VerifierKey.TYPE_COSIGNATURE_V1;
            if (witness && !checkpoint) {
                continue;
            }
            try {
                if (witness) {
                    // a witness cosigns at the checkpoint's logical time, keeping seeded bundles reproducible
                    note = SignedNote.parse(note).withSignature(co.cosignature(text, lastTime.getEpochSecond()))
                            .encode();
                } else {
                    note = co.addSignature(note);
                }
            } catch (NoteFormatException e) {
                throw new IllegalStateException("cannot add a signature to a note we just signed", e);
            }
        }
        return note;
    }

    /** Writes the final checkpoint, the manifest and its signature, and publishes the bundle. */
    public Manifest finish() throws IOException {
        if (tree.size() == start) {
            throw new IllegalStateException("a bundle holds at least one event");
        }
        closeSegment();
        if (tree.size() % options.checkpointInterval() != 0) {
            checkpoint();
        }
        if (options.tsa() != null) {
            smallFiles.put(Manifest.TSA_CHAIN, options.tsa().chainPem().getBytes(StandardCharsets.US_ASCII));
        }
        List<Manifest.FileEntry> files = new ArrayList<>(segments);
        for (Map.Entry<String, byte[]> f : smallFiles.entrySet()) {
            files.add(Manifest.FileEntry.of(f.getKey(), f.getValue().length, Sha256.hex(f.getValue())));
        }
        Continuation prev = options.previous();
        Manifest.Previous previous = prev == null ? null
                : new Manifest.Previous(prev.bundleId(), start, startRoot, prev.lastEntryHash());
        List<String> keys = new ArrayList<>();
        keys.add(options.signer().verifierKey().encode());
        options.cosigners().forEach(c -> keys.add(c.verifierKey().encode()));
        Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, options.origin(), options.bundleId(),
                options.created() != null ? options.created() : lastTime.plusSeconds(60), options.producer(),
                firstTime, lastTime, start, tree.size(),
                options.heartbeatInterval().toSeconds(), options.checkpointInterval(), keys, previous,
                startCompactRange, new Manifest.TreeHead(tree.size(), tree.root()), files);
        byte[] manifestBytes = ManifestCodec.write(manifest);
        smallFiles.put(Manifest.MANIFEST, manifestBytes);
        smallFiles.put(Manifest.MANIFEST_SIG, signed(ManifestSignature.text(manifest.origin(), manifest.bundleId(),
                Sha256.of(manifestBytes)), false));
        for (Map.Entry<String, byte[]> f : smallFiles.entrySet()) {
            output.put(f.getKey(), f.getValue());
        }
        output.publish(lastTime.plusSeconds(60));
        finished = true;
        return manifest;
    }

    /** The log's state after the last appended event, for continuing it in a next export. */
    public Continuation continuation() {
        return new Continuation(options.bundleId(), tree, prevHash, lastTime);
    }

    @Override
    public void close() throws IOException {
        if (!finished) {
            output.discard();
        }
    }

    private static final class CountingStream extends java.io.FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
