package io.sealtrail.verify.testing;

import io.sealtrail.verify.bundle.Manifest;
import io.sealtrail.verify.bundle.ManifestCodec;
import io.sealtrail.verify.bundle.ManifestSignature;
import io.sealtrail.verify.note.NoteSigner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Test-only: rewrites a bundle's manifest and signs manifest.sig again with the log key, so that the
 * bundle is exactly what a producer breaking one rule would have sealed, and a test sees that rule's
 * finding alone rather than behind a broken manifest signature.
 */
public final class Reseal {
    private Reseal() {
    }

    /** Replaces manifest.json by {@code edit}'s bytes and signs them. */
    public static void manifestBytes(Path bundle, NoteSigner signer, UnaryOperator<byte[]> edit) throws Exception {
        Path path = bundle.resolve(Manifest.MANIFEST);
        byte[] before = Files.readAllBytes(path);
        Manifest m = ManifestCodec.read(before);
        byte[] after = edit.apply(before);
        Files.write(path, after);
        Files.write(bundle.resolve(Manifest.MANIFEST_SIG),
                signer.sign(ManifestSignature.text(m.origin(), m.bundleId(), sha256(after))));
    }

    /** Rewrites the manifest as the reference writer would write {@code edit}'s result, and signs it. */
    public static void manifest(Path bundle, NoteSigner signer, UnaryOperator<Manifest> edit) throws Exception {
        manifestBytes(bundle, signer, b -> {
            try {
                return ManifestCodec.write(edit.apply(ManifestCodec.read(b)));
            } catch (ManifestCodec.ManifestException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Lists one more file, with the size and SHA-256 of its bytes in the bundle (which must exist). */
    public static UnaryOperator<Manifest> listing(Path bundle, String path, long firstSeq, long count) {
        return m -> {
            byte[] b;
            try {
                b = Files.readAllBytes(bundle.resolve(path));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            List<Manifest.FileEntry> files = new ArrayList<>(m.files());
            files.add(new Manifest.FileEntry(path, b.length, HexFormat.of().formatHex(sha256(b)), firstSeq, count));
            return withFiles(m, files);
        };
    }

    /** Drops one file from the list. */
    public static UnaryOperator<Manifest> unlisting(String path) {
        return m -> withFiles(m, m.files().stream().filter(f -> !f.path().equals(path)).toList());
    }

    /** Lists a file again with the size and SHA-256 of its current bytes. */
    public static UnaryOperator<Manifest> rehashing(Path bundle, String path) {
        return m -> {
            Manifest.FileEntry old = m.file(path).orElseThrow();
            Manifest without = unlisting(path).apply(m);
            return listing(bundle, path, old.firstSeq(), old.count()).apply(without);
        };
    }

    /** The manifest's bytes, rewritten by the reference writer without one file. */
    public static byte[] unlistedBytes(byte[] manifest, String path) {
        try {
            return ManifestCodec.write(unlisting(path).apply(ManifestCodec.read(manifest)));
        } catch (ManifestCodec.ManifestException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Manifest withFiles(Manifest m, List<Manifest.FileEntry> files) {
        return new Manifest(m.formatVersion(), m.origin(), m.bundleId(), m.created(), m.producer(), m.timeFrom(),
                m.timeTo(), m.start(), m.end(), m.heartbeatIntervalSeconds(), m.checkpointInterval(), m.keys(),
                m.previous(), m.compactRange(), m.finalCheckpoint(), files);
    }

    public static Manifest withFinalCheckpoint(Manifest m, Manifest.TreeHead fin) {
        return new Manifest(m.formatVersion(), m.origin(), m.bundleId(), m.created(), m.producer(), m.timeFrom(),
                m.timeTo(), m.start(), m.end(), m.heartbeatIntervalSeconds(), m.checkpointInterval(), m.keys(),
                m.previous(), m.compactRange(), fin, m.files());
    }

    public static Manifest withoutPrevious(Manifest m) {
        return new Manifest(m.formatVersion(), m.origin(), m.bundleId(), m.created(), m.producer(), m.timeFrom(),
                m.timeTo(), m.start(), m.end(), m.heartbeatIntervalSeconds(), m.checkpointInterval(), m.keys(),
                null, m.compactRange(), m.finalCheckpoint(), m.files());
    }

    static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
