package io.sealtrail.app.ui;

import io.sealtrail.app.demo.DemoBundles;
import io.sealtrail.verify.gen.BundleGenerator;
import io.sealtrail.verify.note.NoteSigner;
import io.sealtrail.verify.note.VerifierKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Bundles for the UI tests: small generated ones, and the demo's (generated once into target/). */
public final class TestBundles {
    public static final long SEED = 77;
    private static DemoBundles.Demo demo;

    private TestBundles() {
    }

    public static NoteSigner signer() {
        return BundleGenerator.seededSigner(BundleGenerator.DEFAULT_ORIGIN, SEED);
    }

    public static VerifierKey key() {
        return signer().verifierKey();
    }

    /** A small intact bundle signed by {@link #key()}: 3,000 events, checkpoints every 1,000. */
    public static Path intact(Path dir) {
        Path out = dir.resolve("small.zip");
        try {
            new BundleGenerator().generate(out, BundleGenerator.Options.defaults(3_000, SEED).withSigner(signer())
                    .withLayout(1_000, 1_500), n -> { });
        } catch (Exception e) {
            throw new IllegalStateException("cannot generate a test bundle", e);
        }
        return out;
    }

    /** The intact bundle with one event's outcome rewritten: breaks the hash chain. */
    public static Path altered(Path dir) {
        Path in = intact(dir);
        Path out = dir.resolve("small-altered.zip");
        boolean done = false;
        try (ZipFile zip = new ZipFile(in.toFile()); ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
            Enumeration<? extends ZipEntry> en = zip.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                z.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream is = zip.getInputStream(e)) {
                    byte[] data = is.readAllBytes();
                    if (!done && e.getName().startsWith("events/")) {
                        String text = new String(data, StandardCharsets.UTF_8);
                        int at = text.indexOf("\"outcome\":\"success\"", text.indexOf('\n') + 1);
                        text = text.substring(0, at) + "\"outcome\":\"failure\"" + text.substring(at + 19);
                        data = text.getBytes(StandardCharsets.UTF_8);
                        done = true;
                    }
                    z.write(data);
                }
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The demo's two exports and key, made once per build in target/ui-test-demo (about 15 s). */
    public static synchronized DemoBundles.Demo demo() {
        if (demo == null) {
            try {
                demo = DemoBundles.create(Path.of("target", "ui-test-demo").toAbsolutePath());
            } catch (Exception e) {
                throw new IllegalStateException("cannot make the demo bundles", e);
            }
        }
        return demo;
    }
}
