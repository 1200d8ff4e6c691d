package io.sealtrail.app.seal;

import io.sealtrail.sources.SourceRecord;
import io.sealtrail.sources.hoop.HoopFormat;
import io.sealtrail.verify.merkle.Sha256;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The identity of a source's record, by which a later, overlapping export's copy of it is known as sealed
 * already (docs/decisions/0018-seal.md). A hash of the exact record, its action and its time; equal records of
 * one export (a syslog line written twice in one second) are told apart by their order among the equal ones,
 * which an overlapping export repeats. A hoop.dev session is one mutable object of many events that the gateway
 * rewrites while the session runs (its status, its end, more of its stream), so its events are known by the
 * session id, their action and their time (start + elapsed of their chunk) instead of the bytes around them.
 * Not thread-safe: one instance per seal.
 */
final class RecordIdentity {
    private final Map<String, Integer> seen = new HashMap<>();

    String of(SourceRecord r) {
        var e = r.event();
        ByteArrayOutputStream key = new ByteArrayOutputStream(64 + r.raw().length);
        write(key, e.sourceFormat());
        if (HoopFormat.NAME.equals(e.sourceFormat()) && e.sessionId() != null) {
            write(key, "session");
            write(key, e.sessionId());
        } else {
            write(key, "record");
            key.writeBytes(Sha256.of(r.raw()));
        }
        write(key, e.action());
        write(key, e.time().toString());
        byte[] digest = Sha256.of(key.toByteArray());
        String base = HexFormat.of().formatHex(digest, 0, 16);
        int n = seen.merge(base, 1, Integer::sum) - 1;
        return n == 0 ? base : base + "." + n;
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes((s == null ? "" : s).getBytes(StandardCharsets.UTF_8));
        out.write(0); // a separator no field holds, so ("ab","c") and ("a","bc") differ
    }
}
