package io.sealtrail.sources.mapped;

import io.sealtrail.model.AuditEvent.Outcome;
import io.sealtrail.model.AuditEvent.TargetKind;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a JSON Lines or CSV export maps onto the event model: a {@code key = value} properties file (comments with
 * {@code #}), chosen because the JDK reads it and a person can write it without quoting rules. Each model field
 * names a source field (a dotted path into a JSON object, or a CSV column) or, in double quotes, a constant.
 * The format is documented with a worked example in docs/sources.md.
 */
public final class Mapping {
    /** The model fields a mapping may fill, in the event model's order. */
    public static final List<String> FIELDS = List.of("time", "action", "outcome", "reason", "user.name", "user.id",
            "user.roles", "auth.method", "auth.mfa", "source.ip", "source.port", "source.user_agent", "target.kind",
            "target.name", "target.account", "target.namespace", "session.id", "command", "query");
    private static final Set<String> OPTIONS = Set.of("format", "csv.separator", "time.format", "time.zone",
            "outcome.success", "outcome.failure", "outcome.denied", "user.roles.separator", "auth.mfa.true");

    public enum Input { JSONL, CSV }

    /** A model field's source: a field path (split at dots for JSON) or a constant. */
    public record Source(String path, String constant) {
        boolean isConstant() {
            return constant != null;
        }
    }

    /** How the time field is written. */
    public sealed interface TimeFormat {
        record Rfc3339() implements TimeFormat { }

        record EpochSeconds() implements TimeFormat { }

        record EpochMillis() implements TimeFormat { }

        record Pattern(String pattern, DateTimeFormatter formatter) implements TimeFormat { }
    }

    private final Input input;
    private final char separator;
    private final Map<String, Source> fields;
    private final TimeFormat timeFormat;
    private final Map<String, Outcome> outcomes;
    private final String rolesSeparator;
    private final Set<String> mfaTrue;

    private Mapping(Input input, char separator, Map<String, Source> fields, TimeFormat timeFormat,
                    Map<String, Outcome> outcomes, String rolesSeparator, Set<String> mfaTrue) {
        this.input = input;
        this.separator = separator;
        this.fields = fields;
        this.timeFormat = timeFormat;
        this.outcomes = outcomes;
        this.rolesSeparator = rolesSeparator;
        this.mfaTrue = mfaTrue;
    }

    public static Mapping load(Path file) throws MappingException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(r);
            return of(p, file.toString());
        } catch (MappingException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            throw new MappingException("mapping " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** @param where names the mapping in messages */
    public static Mapping of(Properties p, String where) throws MappingException {
        Set<String> unknown = new TreeSet<>();
        for (String k : p.stringPropertyNames()) {
            if (!FIELDS.contains(k) && !OPTIONS.contains(k)) {
                unknown.add(k);
            }
        }
        if (!unknown.isEmpty()) {
            throw new MappingException("mapping " + where + ": unknown key(s) " + unknown + "; model fields are "
                    + FIELDS + ", options " + new TreeSet<>(OPTIONS));
        }
        String format = p.getProperty("format", "").trim().toLowerCase(Locale.ROOT);
        Input input = switch (format) {
            case "jsonl", "json" -> Input.JSONL;
            case "csv" -> Input.CSV;
            default -> throw new MappingException("mapping " + where + ": format must be jsonl or csv, not \""
                    + format + "\"");
        };
        String sep = p.getProperty("csv.separator", ",");
        sep = sep.equals("\\t") || sep.equals("tab") ? "\t" : sep;
        if (sep.length() != 1 || sep.charAt(0) == '"' || sep.charAt(0) == '\n' || sep.charAt(0) == '\r') {
            throw new MappingException("mapping " + where + ": csv.separator must be one character other than"
                    + " a quote or line break, not \"" + sep + "\"");
        }
        Map<String, Source> fields = new LinkedHashMap<>();
        for (String f : FIELDS) {
            String v = p.getProperty(f);
            if (v == null || v.isBlank()) {
                continue;
            }
            v = v.trim();
            if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                fields.put(f, new Source(null, v.substring(1, v.length() - 1)));
            } else {
                fields.put(f, new Source(v, null));
            }
        }
        for (String required : List.of("time", "action", "outcome")) {
            if (!fields.containsKey(required)) {
                throw new MappingException("mapping " + where + ": " + required + " is required");
            }
        }
        if (fields.get("time").isConstant()) {
            throw new MappingException("mapping " + where + ": time must name a source field, not a constant");
        }
        Source kind = fields.get("target.kind");
        if (kind != null && kind.isConstant()) {
            targetKind(kind.constant(), where);
        }
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (Outcome o : Outcome.values()) {
            String list = p.getProperty("outcome." + o.wireName());
            if (list == null) {
                continue;
            }
            for (String value : list.split(",")) {
                String key = value.trim().toLowerCase(Locale.ROOT);
                Outcome before = outcomes.put(key, o);
                if (before != null && before != o) {
                    throw new MappingException("mapping " + where + ": outcome value \"" + value.trim()
                            + "\" is listed as both " + before.wireName() + " and " + o.wireName());
                }
            }
        }
        Source outcome = fields.get("outcome");
        if (outcome.isConstant()) {
            checkedOutcome(outcome.constant(), where);
        } else if (outcomes.isEmpty()) {
            throw new MappingException("mapping " + where + ": outcome names a source field, so outcome.success,"
                    + " outcome.failure and/or outcome.denied must list the values that mean each");
        }
        String tf = p.getProperty("time.format", "rfc3339").trim();
        TimeFormat timeFormat = timeFormat(tf, p.getProperty("time.zone"), where);
        Set<String> mfaTrue = new TreeSet<>();
        for (String t : p.getProperty("auth.mfa.true", "true,yes,1").split(",")) {
            mfaTrue.add(t.trim().toLowerCase(Locale.ROOT));
        }
        String rolesSep = p.getProperty("user.roles.separator");
        return new Mapping(input, sep.charAt(0), Collections.unmodifiableMap(fields), timeFormat,
                Collections.unmodifiableMap(outcomes), rolesSep == null || rolesSep.isEmpty() ? null : rolesSep,
                Collections.unmodifiableSet(mfaTrue));
    }

    private static String checkedOutcome(String value, String where) throws MappingException {
        String v = value.toUpperCase(Locale.ROOT);
        for (Outcome o : Outcome.values()) {
            if (o.name().equals(v)) {
                return v;
            }
        }
        throw new MappingException("mapping " + where + ": outcome constant \"" + value
                + "\" is not success, failure or denied");
    }

    static TargetKind targetKind(String value, String where) throws MappingException {
        for (TargetKind k : TargetKind.values()) {
            if (k.wireName().equalsIgnoreCase(value.trim())) {
                return k;
            }
        }
        throw new MappingException("mapping " + where + ": target.kind \"" + value
                + "\" is not host, database, kubernetes, cloud or application");
    }

    private static TimeFormat timeFormat(String tf, String zone, String where) throws MappingException {
        switch (tf.toLowerCase(Locale.ROOT)) {
            case "rfc3339" -> {
                return new TimeFormat.Rfc3339();
            }
            case "epoch-seconds" -> {
                return new TimeFormat.EpochSeconds();
            }
            case "epoch-millis" -> {
                return new TimeFormat.EpochMillis();
            }
            default -> {
                if (!tf.startsWith("pattern:")) {
                    throw new MappingException("mapping " + where + ": time.format must be rfc3339, epoch-seconds,"
                            + " epoch-millis or pattern:<java.time pattern>, not \"" + tf + "\"");
                }
                String pattern = tf.substring("pattern:".length()).trim();
                DateTimeFormatter f;
                try {
                    f = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
                } catch (IllegalArgumentException e) {
                    throw new MappingException("mapping " + where + ": time.format pattern \"" + pattern
                            + "\" is not a java.time pattern: " + e.getMessage(), e);
                }
                boolean hasZone = pattern.chars().anyMatch(c -> c == 'X' || c == 'x' || c == 'Z' || c == 'O'
                        || c == 'V' || c == 'z');
                if (zone != null && !zone.isBlank()) {
                    try {
                        f = f.withZone(ZoneId.of(zone.trim()));
                    } catch (java.time.DateTimeException e) {
                        throw new MappingException("mapping " + where + ": time.zone \"" + zone
                                + "\" is not a zone id", e);
                    }
                } else if (!hasZone) {
                    // a guessed zone would move every event by hours without a trace: the person must say it
                    throw new MappingException("mapping " + where + ": time.format pattern \"" + pattern
                            + "\" has no zone or offset, so time.zone is required (e.g. UTC, Europe/Berlin)");
                }
                return new TimeFormat.Pattern(pattern, f);
            }
        }
    }

    public Input input() {
        return input;
    }

    public char separator() {
        return separator;
    }

    /** The model fields mapped, each with its source. */
    public Map<String, Source> fields() {
        return fields;
    }

    public TimeFormat timeFormat() {
        return timeFormat;
    }

    /** Source values (lower case) and the outcome each means. */
    public Map<String, Outcome> outcomes() {
        return outcomes;
    }

    /** How several roles are written in one text value, or null when they come as a JSON array only. */
    public String rolesSeparator() {
        return rolesSeparator;
    }

    /** Source values (lower case) that mean MFA was used; any other present value means it was not. */
    public Set<String> mfaTrue() {
        return mfaTrue;
    }
}
