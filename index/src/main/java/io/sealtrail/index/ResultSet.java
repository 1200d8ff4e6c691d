package io.sealtrail.index;

import io.sealtrail.verify.merkle.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * What a query matched, as a report cites it so anyone can re-run the query and compare: how many events,
 * the first and last event time (null when none has a readable time), and the SHA-256 over the events'
 * {@code <bundle id>:<seq>} lines, sorted as strings, each followed by LF (for no events: the hash of
 * nothing). Computed from doc values, without loading a document.
 */
public record ResultSet(long count, String sha256, Instant first, Instant last) {

    /** The hash of these {@code bundle:seq} lines, in the order defined above. */
    public static String hash(List<String> bundleSeqLines) {
        List<String> sorted = new ArrayList<>(bundleSeqLines);
        sorted.sort(null);
        MessageDigest md = Sha256.newDigest();
        for (String s : sorted) {
            md.update((s + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static ResultSet of(Aggregations.Keys keys) {
        // bundle ids hold no ':' (UUIDs or sha256-…), so ordering them by "id:" and then their seq strings
        // gives the order of the whole "id:seq" strings without building and sorting them all together
        List<String> ids = new ArrayList<>(keys.sizes.keySet());
        ids.sort((a, b) -> (a + ":").compareTo(b + ":"));
        MessageDigest md = Sha256.newDigest();
        long count = 0;
        for (String id : ids) {
            int n = keys.sizes.get(id);
            long[] seqs = keys.seqs.get(id);
            String[] text = new String[n];
            for (int i = 0; i < n; i++) {
                text[i] = Long.toString(seqs[i]);
            }
            Arrays.sort(text);
            byte[] prefix = (id + ":").getBytes(StandardCharsets.UTF_8);
            for (String t : text) {
                md.update(prefix);
                md.update(t.getBytes(StandardCharsets.US_ASCII));
                md.update((byte) '\n');
            }
            count += n;
        }
        return new ResultSet(count, HexFormat.of().formatHex(md.digest()),
                keys.first == Long.MAX_VALUE ? null : IndexSchema.instant(keys.first),
                keys.last == Long.MIN_VALUE ? null : IndexSchema.instant(keys.last));
    }
}
