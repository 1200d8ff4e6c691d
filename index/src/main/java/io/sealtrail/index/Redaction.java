package io.sealtrail.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A redaction profile (issue 17, item 5): what is blanked out of what leaves the workbench (exports now, reports and
 * screenshots next), never of the evidence. Each rule is a named pattern; where it has a group named {@code secret}
 * only that group is replaced (the {@code -p} of {@code mysql -pS3cret} stays, {@code S3cret} goes), else the whole
 * match. A replaced stretch reads {@code [REDACTED:rule]}, so a reader sees that something was there and what kind.
 * The profile is named by its rules' SHA-256, which the journal records beside every redacted export.
 */
public final class Redaction {
    /**
     * A password given as an option: {@code --password=X} or {@code --password X} anywhere; {@code -pX} and
     * {@code -p X} after a client whose {@code -p} takes a password (the MySQL and MariaDB tools, sshpass); and for
     * any other command {@code -pX} only when X is not lower-case letters alone, since {@code ls -pla},
     * {@code tar -pxf} and {@code ssh -p 2222} are options, not secrets.
     */
    static final String PASSWORD_OPTION = "(?:(?<=\\s)|^)(?:--password[=\\s]\\s*"
            + "|(?<=\\b(?:mysql\\w{0,10}|mariadb[\\w-]{0,10}|sshpass)\\b[^\\n|;&]{0,200})-p\\s?"
            + "|-p(?=['\"]?[^\\s'\"]*[^a-z\\s'\"]))"
            + "['\"]?(?<secret>[^\\s'\"-][^\\s'\"]*)";

    /** The profile used when none is named: secrets typed into terminals, then addresses that name people. */
    public static final String STANDARD = "standard";
    private static final List<Rule> STANDARD_RULES = List.of(
            rule("aws-access-key", "\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"),
            rule("aws-secret", "(?i)aws_secret_access_key\\s*[=:]\\s*[\"']?(?<secret>[A-Za-z0-9/+=]{40})"),
            rule("bearer-token", "(?i)\\bbearer\\s+(?<secret>[A-Za-z0-9\\-._~+/]{8,}=*)"),
            rule("password-variable", "\\b[A-Z][A-Z0-9_]*(?:PASSWORD|PASSWD|SECRET|TOKEN)=(?<secret>[^\\s'\"]+)"),
            rule("password-option", PASSWORD_OPTION),
            rule("email", "[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"),
            rule("ipv4", "\\b(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}\\b"),
            // full form, or with "::"; never two colons alone, which clock times have
            rule("ipv6", "\\b(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}\\b"
                    + "|(?<![0-9A-Za-z:])(?:[0-9a-fA-F]{1,4}:){1,6}:(?:[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{1,4}){0,5})?"
                    + "(?![0-9A-Za-z:])"));

    private final String name;
    private final List<Rule> rules;
    private final String sha256;

    /** One named pattern. */
    public record Rule(String name, Pattern pattern) {
    }

    private Redaction(String name, List<Rule> rules) {
        this.name = name;
        this.rules = List.copyOf(rules);
        StringBuilder b = new StringBuilder();
        for (Rule r : rules) {
            b.append(r.name()).append('\t').append(r.pattern().pattern()).append('\n');
        }
        try {
            this.sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Redaction standard() {
        return new Redaction(STANDARD, STANDARD_RULES);
    }

    /**
     * A profile file: one rule per line, {@code name = regex} ({@code #} comments, blank lines ignored), and the line
     * {@code include standard} to start from the standard rules.
     *
     * @throws IOException naming the file and line of a rule that is not one
     */
    public static Redaction read(Path file) throws IOException {
        List<Rule> rules = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (l.equals("include standard")) {
                rules.addAll(STANDARD_RULES);
                continue;
            }
            int eq = l.indexOf('=');
            String ruleName = eq < 0 ? "" : l.substring(0, eq).strip();
            if (eq < 0 || !ruleName.matches("[a-z0-9][a-z0-9-]*")) {
                throw new IOException(file + " line " + (i + 1) + ": not a rule ('name = regex', the name in lower"
                        + " case, digits and '-')");
            }
            try {
                rules.add(new Rule(ruleName, Pattern.compile(l.substring(eq + 1).strip())));
            } catch (PatternSyntaxException e) {
                throw new IOException(file + " line " + (i + 1) + ": " + ruleName + " is not a regular expression: "
                        + e.getDescription(), e);
            }
        }
        if (rules.isEmpty()) {
            throw new IOException(file + ": no rule in it");
        }
        return new Redaction(file.getFileName().toString(), rules);
    }

    private static Rule rule(String name, String regex) {
        return new Rule(name, Pattern.compile(regex));
    }

    public String name() {
        return name;
    }

    /** SHA-256 of the rules (name TAB regex LF each), which names exactly what this profile blanks. */
    public String sha256() {
        return sha256;
    }

    public List<Rule> rules() {
        return rules;
    }

    /** What was blanked so far, by rule, in rule order. */
    public static final class Counts {
        private final Map<String, Long> byRule = new LinkedHashMap<>();

        void add(String rule) {
            byRule.merge(rule, 1L, Long::sum);
        }

        /** Replacements by rule, in the order the rules first blanked something. */
        public Map<String, Long> byRule() {
            return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byRule));
        }

        public long total() {
            return byRule.values().stream().mapToLong(Long::longValue).sum();
        }

        /** "email 3, ipv4 5", or "nothing". */
        @Override
        public String toString() {
            if (byRule.isEmpty()) {
                return "nothing";
            }
            StringBuilder b = new StringBuilder();
            byRule.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
            return b.toString();
        }
    }

    /** {@code text} with every rule applied in order, each replacement counted; null stays null. */
    public String apply(String text, Counts counts) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (Rule r : rules) {
            Matcher m = r.pattern().matcher(out);
            if (!m.find()) {
                continue;
            }
            boolean secretGroup = r.pattern().pattern().contains("(?<secret>");
            StringBuilder b = new StringBuilder(out.length());
            int last = 0;
            do {
                int from = secretGroup ? m.start("secret") : m.start();
                int to = secretGroup ? m.end("secret") : m.end();
                if (from < 0) {
                    continue;
                }
                b.append(out, last, from).append("[REDACTED:").append(r.name()).append(']');
                last = to;
                counts.add(r.name());
            } while (m.find());
            out = b.append(out, last, out.length()).toString();
        }
        return out;
    }

    /**
     * The hit as an export may show it: every text a person or a secret can be named in (user, target, command,
     * query, the raw line, every other field) redacted; ids, times, outcomes and the entry hash kept, so a redacted
     * event can still be found in the case and its proof checked by whoever holds the evidence.
     */
    public Hit apply(Hit h, Counts counts) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        h.fields().forEach((k, v) -> fields.put(k, v.stream().map(s -> apply(s, counts)).toList()));
        return new Hit(h.bundleId(), h.seq(), h.leaf(), h.time(), h.action(), h.outcome(), apply(h.userName(), counts),
                h.targetKind(), apply(h.targetName(), counts), h.sessionId(), apply(h.command(), counts),
                apply(h.query(), counts), h.integrity(), h.entryHash(), h.file(), h.line(), apply(h.raw(), counts),
                h.anchor(), h.sourceFormat(), fields);
    }
}
