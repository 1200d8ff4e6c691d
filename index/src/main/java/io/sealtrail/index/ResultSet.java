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
        List<String> ids = new ArrayList<>(keys.seqs.keySet());
        ids.sort((a, b) -> (a + ":").compareTo(b + ":"));
        MessageDigest md = Sha256.newDigest();
        long count = 0;
        for (String id : ids) {
            Aggregations.Seqs seqs = keys.seqs.get(id);
            hashInTextOrder((id + ":").getBytes(StandardCharsets.UTF_8), seqs.values, seqs.size, md);
            count += seqs.size;
        }
        return new ResultSet(count, HexFormat.of().formatHex(md.digest()),
                keys.first == Long.MAX_VALUE ? null : IndexSchema.instant(keys.first),
                keys.last == Long.MIN_VALUE ? null : IndexSchema.instant(keys.last));
    }

    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    /**
     * Feeds {@code prefix + seq + "\n"} for the first {@code n} seqs to the digest, the seqs in the order of their
     * decimal strings ({@link String#compareTo}), as {@link #hash} orders them, without making the strings: 10 million
     * of them took most of a report's time and heap on a 10M-event case (docs/soak.md). Sorted by value, the
     * non-negative seqs of one length of digits are in text order already; the lengths are merged by comparing
     * their digits as 19-digit numbers. The seqs are sorted in place.
     */
    static void hashInTextOrder(byte[] prefix, long[] seqs, int n, MessageDigest md) {
        Arrays.sort(seqs, 0, n);
        int negative = 0;
        while (negative < n && seqs[negative] < 0) {
            negative++;
        }
        byte[] buf = new byte[Math.max(1 << 16, 4 * (prefix.length + 21))];
        int pos = 0;
        // '-' sorts before every digit: negative seqs (only a hostile line claims one) come first, as strings
        String[] neg = new String[negative];
        for (int i = 0; i < negative; i++) {
            neg[i] = Long.toString(seqs[i]);
        }
        Arrays.sort(neg);
        for (String t : neg) {
            pos = put(md, buf, pos, prefix, t.getBytes(StandardCharsets.US_ASCII));
        }
        // group L holds the seqs of L + 1 digits: [start[L], start[L + 1])
        int[] start = new int[21];
        start[0] = negative;
        for (int len = 1; len <= 19; len++) {
            int i = start[len - 1];
            long bound = len < 19 ? POW10[len] : Long.MAX_VALUE;
            while (i < n && (len == 19 || seqs[i] < bound)) {
                i++;
            }
            start[len] = i;
        }
        start[20] = n;
        // each group's next seq as text would compare: its digits followed by zeros up to 19 digits (below 10^19, so
        // it fits 64 bits unsigned); equal keys are a shorter seq and its extension by zeros, and the shorter is first
        int[] next = new int[19];
        long[] key = new long[19];
        int[] active = new int[19];
        int groups = 0;
        for (int g = 0; g < 19; g++) {
            next[g] = start[g];
            if (start[g] < start[g + 1]) {
                key[g] = seqs[start[g]] * POW10[18 - g];
                active[groups++] = g;
            }
        }
        byte[] digits = new byte[20];
        while (true) {
            int best = -1;
            for (int i = 0; i < groups; i++) {
                int g = active[i]; // in order of length: on a tie the earlier, shorter one stays best
                if (next[g] < start[g + 1] && (best < 0 || Long.compareUnsigned(key[g], key[best]) < 0)) {
                    best = g;
                }
            }
            if (best < 0) {
                break;
            }
            long v = seqs[next[best]++];
            if (next[best] < start[best + 1]) {
                key[best] = seqs[next[best]] * POW10[18 - best];
            }
            int d = digits.length;
            do {
                digits[--d] = (byte) ('0' + v % 10);
                v /= 10;
            } while (v != 0);
            if (buf.length - pos < prefix.length + digits.length + 1) {
                md.update(buf, 0, pos);
                pos = 0;
            }
            System.arraycopy(prefix, 0, buf, pos, prefix.length);
            pos += prefix.length;
            System.arraycopy(digits, d, buf, pos, digits.length - d);
            pos += digits.length - d;
            buf[pos++] = '\n';
        }
        md.update(buf, 0, pos);
    }

    private static int put(MessageDigest md, byte[] buf, int pos, byte[] prefix, byte[] text) {
        md.update(buf, 0, pos);
        md.update(prefix);
        md.update(text);
        md.update((byte) '\n');
        return 0;
    }
}
