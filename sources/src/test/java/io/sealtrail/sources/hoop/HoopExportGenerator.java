package io.sealtrail.sources.hoop;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.SplittableRandom;

/**
 * Writes a large hoop.dev export for throughput measurements (not a test): a JSON array of sessions shaped as
 * the API returns them, deterministic per seed. Mix: 70 % one-off database queries with a result table, 20 %
 * interactive ssh sessions of 10–30 commands with output, 10 % reviewed sessions; about 7 events per session.
 * Run: java -cp target/test-classes:target/classes:$(deps) io.sealtrail.sources.hoop.HoopExportGenerator FILE SESSIONS [SEED]
 */
public final class HoopExportGenerator {
    private static final String[] USERS = {"kavya.reddy", "marco.rossi", "li.wei", "sam.okafor", "ana.souza", "jorg.muller"};
    private static final String[] QUERIES = {"SELECT id, status, amount FROM payments WHERE created_at > now() - interval '1 day'",
        "UPDATE payouts SET state = 'retry' WHERE id = %d", "SELECT count(*) FROM customers WHERE country = 'DE'",
        "DELETE FROM sessions WHERE expires_at < now()", "DROP TABLE tmp_import_%d"};
    private static final String[] COMMANDS = {"ls -la /srv/app", "tail -n 50 /var/log/payments/worker.log", "df -h",
        "systemctl status payments-worker", "grep -c ERROR /var/log/syslog", "cat /etc/os-release", "uptime"};
    private static final Base64.Encoder B64 = Base64.getEncoder();

    private HoopExportGenerator() {
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), Long.parseLong(args[1]), args.length > 2 ? Long.parseLong(args[2]) : 15);
    }

    static void write(Path file, long sessions, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        Instant t = Instant.parse("2026-03-02T06:00:00Z");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("[\n");
            for (long i = 0; i < sessions; i++) {
                t = t.plusMillis(200 + r.nextInt(20_000));
                if (i > 0) {
                    w.write(",\n");
                }
                int kind = r.nextInt(10);
                String user = USERS[r.nextInt(USERS.length)] + "@northwind.example";
                if (kind < 7) {
                    database(w, r, t, user, i, false);
                } else if (kind < 9) {
                    ssh(w, r, t, user, i);
                } else {
                    database(w, r, t, user, i, true);
                }
            }
            w.write("\n]\n");
        }
    }

    private static void database(BufferedWriter w, SplittableRandom r, Instant t, String user, long i, boolean review)
            throws IOException {
        String q = String.format(QUERIES[r.nextInt(QUERIES.length)], r.nextInt(100_000));
        StringBuilder out = new StringBuilder(" id   | status  | amount\n------+---------+--------\n");
        int rows = 5 + r.nextInt(60);
        for (int k = 0; k < rows; k++) {
            out.append(' ').append(1000 + r.nextInt(9000)).append(" | settled | ").append(r.nextInt(999)).append(".00\n");
        }
        double e = 0.05 + r.nextInt(900) / 1000.0;
        boolean failed = r.nextInt(25) == 0;
        String rev = !review ? "null" : "{\"id\":\"rv-" + i + "\",\"type\":\"onetime\",\"status\":\"APPROVED\",\"created_at\":\""
                + t.minusSeconds(300) + "\",\"review_groups_data\":[{\"id\":\"g-" + i + "\",\"group\":\"dba\",\"status\":"
                + "\"APPROVED\",\"reviewed_by\":{\"id\":\"u-9\",\"name\":\"Dana Schulz\",\"email\":\"dana.schulz@northwind.example\"},"
                + "\"review_date\":\"" + t.minusSeconds(60) + "\",\"forced_review\":false}]}";
        head(w, i, user, "database", r.nextBoolean() ? "postgres" : "mysql", "payments-prod-db", "exec", q, rev);
        w.write(",\"status\":\"done\",\"exit_code\":" + (failed ? 1 : 0) + ",\"event_stream\":[[5e-06,\"i\",\""
                + b64(q) + "\"],[" + e + ",\"" + (failed ? "e" : "o") + "\",\"" + b64(out.toString()) + "\"]]");
        tail(w, t, t.plusMillis((long) (e * 1000) + 5));
    }

    private static void ssh(BufferedWriter w, SplittableRandom r, Instant t, String user, long i) throws IOException {
        head(w, i, user, "application", "ssh", "bastion-prod-ssh", "connect", null, "null");
        w.write(",\"status\":\"done\",\"exit_code\":0,\"event_stream\":[[0.41,\"o\",\"" + b64("Welcome\r\n$ ") + "\"]");
        double e = 1;
        int n = 10 + r.nextInt(21);
        for (int k = 0; k < n; k++) {
            String c = COMMANDS[r.nextInt(COMMANDS.length)];
            e += 1 + r.nextInt(8000) / 1000.0;
            w.write(",[" + e + ",\"i\",\"" + b64(c + "\r") + "\"]");
            StringBuilder o = new StringBuilder();
            int lines = 2 + r.nextInt(15);
            for (int l = 0; l < lines; l++) {
                o.append("\u001B[01;34mentry-").append(r.nextInt(100_000)).append("\u001B[0m  ok ").append(l).append("\r\n");
            }
            w.write(",[" + (e + 0.05) + ",\"o\",\"" + b64(o + "$ ") + "\"]");
        }
        w.write("]");
        tail(w, t, t.plusMillis((long) (e * 1000) + 500));
    }

    private static void head(BufferedWriter w, long i, String user, String type, String subtype, String conn, String verb,
                             String script, String review) throws IOException {
        w.write("{\"id\":\"" + new java.util.UUID(0x5e55L, i) + "\",\"org_id\":\"0cd7f941-2bb8-4f9f-93b0-11620d4652ab\","
                + "\"script\":" + (script == null ? "null" : "{\"data\":\"" + script + "\"}")
                + ",\"labels\":{},\"metadata\":{},\"metrics\":{\"data_masking\":{\"info_types\":{},\"total_redact_count\":0,"
                + "\"transformed_bytes\":0,\"err_count\":0},\"truncated\":false},\"user\":\"" + user + "\",\"user_id\":\"oidc|"
                + user + "\",\"user_name\":\"" + user + "\",\"type\":\"" + type + "\",\"connection_subtype\":\"" + subtype
                + "\",\"connection\":\"" + conn + "\",\"connection_tags\":{\"environment\":\"prod\"},\"review\":" + review
                + ",\"verb\":\"" + verb + "\"");
    }

    private static void tail(BufferedWriter w, Instant start, Instant end) throws IOException {
        w.write(",\"start_date\":\"" + start + "\",\"end_date\":\"" + end + "\",\"ai_analysis\":null,"
                + "\"guardrails_info\":null,\"identity_type\":\"user\"}");
    }

    private static String b64(String s) {
        return B64.encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
