package io.sealtrail.app.demo;

import io.sealtrail.verify.bundle.Timestamping;
import io.sealtrail.verify.gen.GeneratorTsa;
import io.sealtrail.verify.merkle.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * The demo's checkpoint timestamps: RFC 3161 responses recorded once from the test TSA of the tools and shipped
 * as a resource, replayed when the demo is made. The product has no time-stamping authority of its own, yet the
 * demo shows timestamped evidence, on any installation (docs/decisions/0017-tools-apart.md). The demo's
 * checkpoints are the same on every run (seeded), so the same tokens fit; if the demo's evidence changes, making
 * it fails and says how to record them again.
 */
public final class DemoTimestamps implements GeneratorTsa {
    static final String RESOURCE = "demo-timestamps.txt";
    private static final String RECORD_AGAIN = "record them again: java -cp \"app/target/sealtrail-app.jar:"
            + "tools/target/sealtrail-tools.jar\" io.sealtrail.tools.demo.RecordDemoTimestamps"
            + " app/src/main/resources/io/sealtrail/app/demo/" + RESOURCE;

    private final String origin;
    private final String chainPem;
    private final Map<String, byte[]> responses;

    private DemoTimestamps(String origin, String chainPem, Map<String, byte[]> responses) {
        this.origin = origin;
        this.chainPem = chainPem;
        this.responses = Map.copyOf(responses);
    }

    /** The recorded timestamps that ship with Sealtrail. */
    public static DemoTimestamps recorded() {
        try (InputStream in = DemoTimestamps.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DemoTimestamps parse(String text) {
        String origin = null;
        String chain = null;
        Map<String, byte[]> responses = new TreeMap<>();
        for (String line : text.lines().toList()) {
            String[] f = line.split(" ");
            switch (f[0]) {
                case "origin" -> origin = f[1];
                case "chain" -> chain = new String(Base64.getDecoder().decode(f[1]), StandardCharsets.US_ASCII);
                case "response" -> responses.put(key(f[1], f[2]), Base64.getDecoder().decode(f[3]));
                default -> {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        throw new IllegalStateException(RESOURCE + ": unexpected line " + line);
                    }
                }
            }
        }
        if (origin == null || chain == null) {
            throw new IllegalStateException(RESOURCE + " names no origin or no chain");
        }
        return new DemoTimestamps(origin, chain, responses);
    }

    @Override
    public Timestamping forLog(String logOrigin) {
        if (!origin.equals(logOrigin)) {
            throw new IllegalStateException("the demo's timestamps were recorded for the log " + origin + ", not "
                    + logOrigin + "; " + RECORD_AGAIN);
        }
        return new Timestamping((data, genTime) -> {
            byte[] r = responses.get(key(Sha256.hex(data), genTime.toString()));
            if (r == null) {
                throw new IllegalStateException("no demo timestamp was recorded for the checkpoint note with SHA-256 "
                        + Sha256.hex(data) + " at " + genTime + ": the demo's evidence changed; " + RECORD_AGAIN);
            }
            return r.clone();
        }, chainPem);
    }

    private static String key(String noteSha256, String genTime) {
        return noteSha256 + " " + genTime;
    }

    /** Records what an authority answers while the demo is made, as the text {@link #recorded()} reads. */
    public static final class Recorder implements GeneratorTsa {
        private final GeneratorTsa authority;
        private final Map<String, String> lines = new TreeMap<>();
        private String origin;
        private String chainPem;

        public Recorder(GeneratorTsa authority) {
            this.authority = authority;
        }

        @Override
        public Timestamping forLog(String logOrigin) {
            Timestamping t = authority.forLog(logOrigin);
            if (origin != null && !origin.equals(logOrigin)) {
                throw new IllegalStateException("the demo is one log; it was " + origin + ", now " + logOrigin);
            }
            origin = logOrigin;
            chainPem = t.chainPem();
            return new Timestamping((data, genTime) -> {
                byte[] r = t.authority().stamp(data, genTime);
                String k = key(Sha256.hex(data), genTime.toString());
                lines.put(k, "response " + k + " " + Base64.getEncoder().encodeToString(r));
                return r;
            }, chainPem);
        }

        /** The resource's text: what was recorded, sorted. */
        public String text() {
            if (origin == null) {
                throw new IllegalStateException("nothing was recorded");
            }
            StringBuilder out = new StringBuilder()
                    .append("# The demo's checkpoint timestamps, recorded from the test TSA of Sealtrail's tools\n")
                    .append("# (docs/decisions/0017-tools-apart.md). Made by io.sealtrail.tools.demo.RecordDemoTimestamps;\n")
                    .append("# a test of the tools checks they are what that TSA answers for the demo today.\n")
                    .append("# response: SHA-256 of the signed checkpoint note, genTime, DER TimeStampResp (base64).\n")
                    .append("origin ").append(origin).append('\n')
                    .append("chain ").append(Base64.getEncoder().encodeToString(chainPem.getBytes(StandardCharsets.US_ASCII)))
                    .append('\n');
            lines.values().forEach(l -> out.append(l).append('\n'));
            return out.toString();
        }
    }
}
