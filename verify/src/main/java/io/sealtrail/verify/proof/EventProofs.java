package io.sealtrail.verify.proof;

import io.sealtrail.verify.bundle.BundleFormatException;
import io.sealtrail.verify.bundle.BundleSource;
import io.sealtrail.verify.bundle.Manifest;
import io.sealtrail.verify.bundle.ManifestCodec;
import io.sealtrail.verify.event.EventLineParser;
import io.sealtrail.verify.merkle.CompactRange;
import io.sealtrail.verify.merkle.Merkle;
import io.sealtrail.verify.merkle.MerkleProver;
import io.sealtrail.verify.note.Checkpoint;
import io.sealtrail.verify.note.NoteFormatException;
import io.sealtrail.verify.note.SignedNote;
import io.sealtrail.verify.note.TlogProof;
import io.sealtrail.verify.note.TlogProofCheck;
import io.sealtrail.verify.note.VerifierKey;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * Proofs for single events: a C2SP tlog-proof that binds one event line to the smallest signed
 * checkpoint covering it. The event line travels in the proof's {@code extra} field, so the proof is
 * self-contained; a verifier never trusts that field, it hashes it and checks inclusion.
 */
public final class EventProofs {

    /** A proof and the exact event line (without LF) it proves. */
    public record ExportedProof(TlogProof proof, byte[] line, String checkpointFile) {
    }

    private static final HexFormat HEX = HexFormat.of();

    private EventProofs() {
    }

    public static ExportedProof export(Path bundle, long seq) throws BundleFormatException, IOException {
        try (BundleSource src = BundleSource.open(bundle)) {
            Manifest m;
            try {
                m = ManifestCodec.read(src.readSmall(Manifest.MANIFEST, BundleSource.MAX_SMALL_FILE));
            } catch (ManifestCodec.ManifestException e) {
                throw new BundleFormatException(bundle + ": manifest.json " + e.getMessage(), e);
            }
            if (seq < m.start() || seq >= m.end()) {
                throw new BundleFormatException(bundle + ": seq " + seq + " is not in this bundle's range ["
                        + m.start() + ", " + m.end() + ")");
            }
            TreeMap<Long, String> checkpoints = new TreeMap<>();
            for (Manifest.FileEntry f : m.files()) {
                String p = f.path();
                if (p.startsWith(Manifest.CHECKPOINTS_DIR) && p.endsWith(".checkpoint")) {
                    try {
                        checkpoints.put(Long.parseLong(p.substring(Manifest.CHECKPOINTS_DIR.length(),
                                p.length() - ".checkpoint".length())), p);
                    } catch (NumberFormatException ignored) {
                        // not one of ours; verify reports it
                    }
                }
            }
            Map.Entry<Long, String> covering = checkpoints.higherEntry(seq);
            if (covering == null) {
                throw new BundleFormatException(bundle + ": no checkpoint covers seq " + seq
                        + "; the event is not covered by any signature");
            }
            long size = covering.getKey();
            byte[] note = src.readSmall(covering.getValue(), 1 << 20);
            Checkpoint cp;
            try {
                cp = Checkpoint.parse(SignedNote.parse(note).text());
            } catch (NoteFormatException e) {
                throw new BundleFormatException(bundle + ": " + covering.getValue() + " " + e.getMessage(), e);
            }
            List<byte[]> leaves = new ArrayList<>();
            byte[] line = readLeaves(src, m, size, seq, leaves, null);
            CompactRange start = CompactRange.of(m.start(), m.compactRange());
            MerkleProver prover = new MerkleProver(start, leaves);
            if (!Arrays.equals(prover.root(size), cp.rootHash())) {
                // read again, parsing each line's prev this time: an intact bundle never pays for it
                List<byte[]> signed = new ArrayList<>();
                leaves.clear();
                readLeaves(src, m, size, seq, leaves, signed);
                // An event edited after signing changes the root, yet the next event's prev still names the hash it
                // was signed with (the verifier's EVENT_ALTERED). With those hashes restored, a matching root proves
                // every other event exactly as signed, so a path for one of them is a valid proof.
                int target = (int) (seq - m.start());
                if (!Arrays.equals(signed.get(target), leaves.get(target))) {
                    throw new BundleFormatException(bundle + ": the event at seq " + seq
                            + " was changed after it was signed: the next event's prev names another entry hash");
                }
                prover = new MerkleProver(start, signed);
                if (!Arrays.equals(prover.root(size), cp.rootHash())) {
                    throw new BundleFormatException(bundle + ": the events do not reproduce the root of "
                            + covering.getValue() + ", not even with the signed hashes of edited events restored"
                            + " (the verifier's findings say what changed)");
                }
            }
            TlogProof proof = new TlogProof(line, seq, prover.inclusionPath(seq, size), note);
            return new ExportedProof(proof, line, covering.getValue());
        }
    }

    /**
     * Reads leaf hashes up to tree size {@code size} and returns the line of {@code seq}. {@code signed} gets the
     * same hashes, except where the next line's prev names another one: the hash the event had when its successor
     * was written (null: not wanted, no line is parsed). The line at {@code size}, if any, is read for its prev only.
     */
    private static byte[] readLeaves(BundleSource src, Manifest m, long size, long seq, List<byte[]> leaves,
                                     List<byte[]> signed) throws IOException, BundleFormatException {
        byte[] wanted = null;
        long leaf = m.start();
        EventLineParser parser = new EventLineParser();
        ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
        List<Manifest.FileEntry> segments = new ArrayList<>(m.eventSegments());
        segments.sort(java.util.Comparator.comparingLong(Manifest.FileEntry::firstSeq));
        for (Manifest.FileEntry f : segments) {
            if (leaf > size) {
                break;
            }
            try (InputStream in = new BufferedInputStream(src.open(f.path()), 1 << 16)) {
                int b;
                while (leaf <= size && (b = in.read()) >= 0) {
                    if (b != '\n') {
                        line.write(b);
                        if (line.size() > (1 << 20)) {
                            throw new BundleFormatException(src.displayName() + ": " + f.path()
                                    + " has a line over 1 MiB before leaf " + seq);
                        }
                        continue;
                    }
                    byte[] bytes = line.toByteArray();
                    line.reset();
                    if (signed != null) {
                        parser.check(bytes, 0, bytes.length);
                        if (!signed.isEmpty() && parser.hasPrev() && !parser.prevMatches(leaves.get(leaves.size() - 1))) {
                            byte[] named = signedHash(parser.prevHex());
                            if (named != null) {
                                signed.set(signed.size() - 1, named);
                            }
                        }
                    }
                    if (leaf == size) {
                        leaf++;
                        break;
                    }
                    byte[] hash = Merkle.leafHash(bytes);
                    leaves.add(hash);
                    if (signed != null) {
                        signed.add(hash);
                    }
                    if (leaf == seq) {
                        wanted = bytes;
                    }
                    leaf++;
                }
            }
        }
        if (leaves.size() < size - m.start() || wanted == null) {
            throw new BundleFormatException(src.displayName() + ": the bundle holds fewer events than checkpoint "
                    + size + " covers");
        }
        return wanted;
    }

    /** A prev field's hash, or null when it is not 64 lower-case hex digits (the verifier reports such a line). */
    private static byte[] signedHash(String prevHex) {
        if (prevHex == null || prevHex.length() != 64) {
            return null;
        }
        try {
            return HEX.parseHex(prevHex);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Checks a proof without the bundle. {@code line} may be null when the proof carries the event in
     * its extra field; if both are given they must be the same bytes.
     */
    public static TlogProofCheck verify(TlogProof proof, byte[] line, Collection<VerifierKey> trusted) {
        byte[] event = line != null ? stripLf(line) : proof.extra();
        List<String> problems = new ArrayList<>();
        if (event == null) {
            problems.add("no event given: pass the event line, or use a proof that carries it");
            return new TlogProofCheck(problems, null, null);
        }
        if (line != null && proof.extra() != null && !Arrays.equals(stripLf(line), proof.extra())) {
            problems.add("the event given differs from the event the proof carries");
        }
        TlogProofCheck check = proof.verify(Merkle.leafHash(event), trusted);
        if (problems.isEmpty()) {
            return check;
        }
        problems.addAll(check.problems());
        return new TlogProofCheck(problems, check.checkpoint(), check.signatures());
    }

    private static byte[] stripLf(byte[] b) {
        int n = b.length;
        if (n > 0 && b[n - 1] == '\n') {
            n--;
        }
        return n == b.length ? b : Arrays.copyOf(b, n);
    }
}
