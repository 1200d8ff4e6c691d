package io.sealtrail.app.demo;

import io.sealtrail.verify.bundle.BundleFormatException;
import io.sealtrail.verify.gen.BundleGenerator;
import io.sealtrail.verify.gen.GeneratorTsa;
import io.sealtrail.verify.note.NoteSigner;
import io.sealtrail.verify.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The demo evidence: two consecutive exports of one gateway's log, the second altered in one place the
 * way a cover-up would do it (a denied action rewritten as a success). Made once per folder.
 */
public final class DemoBundles {
    public static final long SEED = 2026;
    public static final long EVENTS_PER_EXPORT = 30_000;

    /** Where the demo files are, and what was altered. */
    public record Demo(Path first, Path second, Path vkey, String alteration) {
    }

    private DemoBundles() {
    }

    /** Makes the demo in {@code dir}, its checkpoints stamped with the recorded timestamps that ship with Sealtrail. */
    public static Demo create(Path dir) throws IOException, BundleFormatException {
        return create(dir, DemoTimestamps.recorded());
    }

    /** Makes the demo with these timestamps (the tools record the shipped ones with it). */
    public static Demo create(Path dir, GeneratorTsa timestamps) throws IOException, BundleFormatException {
        Files.createDirectories(dir);
        Path first = dir.resolve("export-1.zip");
        Path second = dir.resolve("export-2.zip");
        Path vkey = dir.resolve("demo-log.vkey");
        Path note = dir.resolve("ALTERATION.txt");
        NoteSigner signer = BundleGenerator.seededSigner(BundleGenerator.DEFAULT_ORIGIN, SEED);
        if (Files.exists(first) && Files.exists(second) && Files.exists(vkey) && Files.exists(note)) {
            return new Demo(first, second, vkey, Files.readString(note, StandardCharsets.UTF_8).strip());
        }
        for (Path p : new Path[] {first, second, vkey, note}) {
            Files.deleteIfExists(p);
        }
        BundleGenerator gen = new BundleGenerator();
        gen.generate(first, BundleGenerator.Options.defaults(EVENTS_PER_EXPORT, SEED).withLayout(5_000, 15_000)
                .withSigner(signer)
                .withTimestamps(timestamps), n -> { });
        Path intact = dir.resolve(".export-2-intact.zip");
        Files.deleteIfExists(intact);
        gen.generate(intact, BundleGenerator.Options.defaults(EVENTS_PER_EXPORT, SEED + 1).withLayout(5_000, 15_000)
                .withSigner(signer)
                .withTimestamps(timestamps).withPrevious(first), n -> { });
        String alteration = alter(intact, second);
        Files.delete(intact);
        Files.writeString(vkey, signer.verifierKey().encode() + "\n", StandardCharsets.UTF_8);
        Files.writeString(note, alteration + "\n", StandardCharsets.UTF_8);
        return new Demo(first, second, vkey, alteration);
    }

    /** Copies the zip, rewriting the first denied event of the first segment as a success. */
    static String alter(Path in, Path out) throws IOException {
        String[] what = {null};
        AtomicFiles.write(out, AtomicFiles.Existing.REPLACE, os -> {
            try (ZipFile zip = new ZipFile(in.toFile()); ZipOutputStream zout = new ZipOutputStream(os)) {
                Enumeration<? extends ZipEntry> en = zip.entries();
                while (en.hasMoreElements()) {
                    ZipEntry e = en.nextElement();
                    zout.putNextEntry(new ZipEntry(e.getName()));
                    try (InputStream is = zip.getInputStream(e)) {
                        if (what[0] == null && e.getName().startsWith("events/")) {
                            byte[] data = is.readAllBytes();
                            String text = new String(data, StandardCharsets.UTF_8);
                            int at = text.indexOf("\"outcome\":\"denied\"");
                            if (at >= 0) {
                                int lineStart = text.lastIndexOf('\n', at) + 1;
                                long line = text.substring(0, lineStart).chars().filter(c -> c == '\n').count() + 1;
                                text = text.substring(0, at) + "\"outcome\":\"success\"" + text.substring(at + 18);
                                what[0] = "In export-2.zip, " + e.getName() + " line " + line
                                        + ": event.outcome \"denied\" was rewritten to \"success\".";
                            }
                            zout.write(text.getBytes(StandardCharsets.UTF_8));
                        } else {
                            is.transferTo(zout);
                        }
                    }
                    zout.closeEntry();
                }
            }
        });
        return what[0] == null ? "nothing (no denied event found)" : what[0];
    }
}
