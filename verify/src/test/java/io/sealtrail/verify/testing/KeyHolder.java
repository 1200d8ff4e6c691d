package io.sealtrail.verify.testing;

import io.sealtrail.verify.bundle.Manifest;
import io.sealtrail.verify.bundle.ManifestCodec;
import io.sealtrail.verify.bundle.ManifestSignature;
import io.sealtrail.verify.merkle.CompactRange;
import io.sealtrail.verify.merkle.Merkle;
import io.sealtrail.verify.note.Checkpoint;
import io.sealtrail.verify.note.NoteSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a producer holding the log key can do after a {@link Tamper}: seal the altered bundle again, so
 * that hashes, chain and signatures all agree and only the rule that was broken can catch it. This is
 * how an exporter with a bug, or an insider with the key, would hand over a bundle.
 */
public final class KeyHolder {
    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern PREV = Pattern.compile("\"prev\":\"[0-9a-f]{64}\"");

    private KeyHolder() {
    }

    /**
     * Recomputes every event's {@code prev} (where the line has one) from the lines as they now are,
     * re-signs every checkpoint the bundle holds over the recomputed roots, sets the final checkpoint,
     * and then re-seals the manifest as {@link #manifest} does. Not for bundles with timestamps: their
     * tokens would still stamp the old checkpoints.
     */
    public static void events(Path bundle, NoteSigner signer) throws IOException {
        Manifest m = read(bundle);
        if (m.files().stream().anyMatch(f -> f.path().startsWith(Manifest.TIMESTAMPS_DIR))) {
            throw new IllegalArgumentException("re-sealing events would leave the timestamps stamping old checkpoints");
        }
        CompactRange tree = CompactRange.of(m.start(), m.compactRange());
        String prev = m.previous() != null ? m.previous().lastEntryHash() : m.start() == 0 ? "0".repeat(64) : null;
        List<Manifest.FileEntry> segments = new ArrayList<>(m.eventSegments());
        segments.sort(Comparator.comparingLong(Manifest.FileEntry::firstSeq));
        for (Manifest.FileEntry segment : segments) {
            List<byte[]> lines = Tamper.lines(Files.readAllBytes(bundle.resolve(segment.path())));
            for (int i = 0; i < lines.size(); i++) {
                String line = new String(lines.get(i), StandardCharsets.UTF_8);
                Matcher p = PREV.matcher(line);
                if (prev != null && p.find()) {
                    line = line.substring(0, p.start()) + "\"prev\":\"" + prev + "\"" + line.substring(p.end());
                }
                byte[] entry = line.getBytes(StandardCharsets.UTF_8);
                lines.set(i, entry);
                byte[] leaf = Merkle.leafHash(entry);
                tree.append(leaf);
                prev = HEX.formatHex(leaf);
                Path cp = bundle.resolve(Tamper.checkpoint(tree.size()));
                if (Files.exists(cp)) {
                    Files.write(cp, signer.sign(new Checkpoint(m.origin(), tree.size(), tree.root(), List.of()).encode()));
                }
            }
            Files.write(bundle.resolve(segment.path()), Tamper.join(lines));
        }
        byte[] root = tree.root();
        long size = tree.size();
        manifest(bundle, signer, x -> with(x, x.files(), new Manifest.TreeHead(size, root)));
    }

    /**
     * Applies {@code edit} to the manifest, then sets every listed file's size and SHA-256 to the file's
     * current bytes (files that are gone keep their entry), writes the manifest as the reference writer
     * does and signs {@code manifest.sig} anew.
     */
    public static void manifest(Path bundle, NoteSigner signer, UnaryOperator<Manifest> edit) throws IOException {
        Manifest m = edit.apply(read(bundle));
        List<Manifest.FileEntry> files = new ArrayList<>();
        for (Manifest.FileEntry f : m.files()) {
            Path p = bundle.resolve(f.path());
            if (!Files.exists(p)) {
                files.add(f);
                continue;
            }
            byte[] b = Files.readAllBytes(p);
            files.add(new Manifest.FileEntry(f.path(), b.length, HEX.formatHex(sha256(b)), f.firstSeq(), f.count()));
        }
        byte[] json = ManifestCodec.write(with(m, files, m.finalCheckpoint()));
        Files.write(bundle.resolve(Manifest.MANIFEST), json);
        Files.write(bundle.resolve(Manifest.MANIFEST_SIG),
                signer.sign(ManifestSignature.text(m.origin(), m.bundleId(), sha256(json))));
    }

    /** Re-seals the manifest after the files changed, editing nothing else. */
    public static void manifest(Path bundle, NoteSigner signer) throws IOException {
        manifest(bundle, signer, UnaryOperator.identity());
    }

    /** The manifest with one more listed file (its size and hash are set when re-sealed). */
    public static Manifest listing(Manifest m, String path) {
        List<Manifest.FileEntry> files = new ArrayList<>(m.files());
        files.add(Manifest.FileEntry.of(path, 0, "0".repeat(64)));
        return with(m, files, m.finalCheckpoint());
    }

    public static Manifest with(Manifest m, List<Manifest.FileEntry> files, Manifest.TreeHead fin) {
        return new Manifest(m.formatVersion(), m.origin(), m.bundleId(), m.created(), m.producer(), m.timeFrom(),
                m.timeTo(), m.start(), m.end(), m.heartbeatIntervalSeconds(), m.checkpointInterval(), m.keys(),
                m.previous(), m.compactRange(), fin, files);
    }

    /** The bundle id in manifest.json, read as text (for manifests that no longer parse). */
    public static String bundleId(Path bundle) throws IOException {
        Matcher m = Pattern.compile("\"bundle_id\" : \"([^\"]+)\"").matcher(Files.readString(bundle.resolve(Manifest.MANIFEST)));
        if (!m.find()) {
            throw new IllegalStateException("manifest.json names no bundle_id");
        }
        return m.group(1);
    }

    private static Manifest read(Path bundle) throws IOException {
        try {
            return ManifestCodec.read(Files.readAllBytes(bundle.resolve(Manifest.MANIFEST)));
        } catch (ManifestCodec.ManifestException e) {
            throw new IllegalStateException("cannot re-seal a bundle whose manifest does not parse", e);
        }
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
