package io.sealtrail.sources.mapped;

import io.sealtrail.model.AuditEvent;
import io.sealtrail.model.AuditEvent.Outcome;
import io.sealtrail.model.AuditEvent.TargetKind;
import io.sealtrail.sources.Times;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One record's values through a {@link Mapping} into the event model, or the reason it cannot be. */
final class MappedRecord {
    private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000L);
    /** Year 5138; also keeps "1e999999999" from being expanded digit by digit. */
    private static final BigDecimal MAX_EPOCH_SECONDS = BigDecimal.valueOf(100_000_000_000L);
    /** Digits after the point (or zeros the exponent adds before it) that a time written as a number may have. */
    private static final int MAX_SCALE = 100;

    record Result(AuditEvent event, String problem) {
    }

    private final Mapping mapping;

    MappedRecord(Mapping mapping) {
        this.mapping = mapping;
    }

    Result map(MappedFormat.Row row) {
        String timeText = value(row, "time");
        if (timeText == null) {
            return problem("no time (" + mapping.fields().get("time").path() + ")");
        }
        Instant time = time(timeText);
        if (time == null) {
            return problem("time \"" + timeText + "\" is not " + describe(mapping.timeFormat()));
        }
        String action = value(row, "action");
        if (action == null) {
            return problem("no action (" + mapping.fields().get("action").path() + ")");
        }
        String outcomeText = value(row, "outcome");
        Outcome outcome;
        if (mapping.fields().get("outcome").isConstant()) {
            outcome = Outcome.fromWire(outcomeText);
        } else {
            outcome = outcomeText == null ? null : mapping.outcomes().get(outcomeText.trim().toLowerCase(Locale.ROOT));
            if (outcome == null) {
                return problem(outcomeText == null ? "no outcome (" + mapping.fields().get("outcome").path() + ")"
                        : "outcome \"" + outcomeText + "\" is listed in none of outcome.success, outcome.failure"
                        + " and outcome.denied");
            }
        }
        TargetKind kind = null;
        String kindText = value(row, "target.kind");
        if (kindText != null) {
            try {
                kind = Mapping.targetKind(kindText, "");
            } catch (MappingException e) {
                return problem("target.kind \"" + kindText + "\" is not host, database, kubernetes, cloud or"
                        + " application");
            }
        }
        Integer port = null;
        String portText = value(row, "source.port");
        if (portText != null) {
            try {
                port = Integer.valueOf(portText.trim());
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 0 || port > 65535) {
                return problem("source.port \"" + portText + "\" is not a port number");
            }
        }
        String mfaText = value(row, "auth.mfa");
        Boolean mfa = mfaText == null ? null : mapping.mfaTrue().contains(mfaText.trim().toLowerCase(Locale.ROOT));
        String method = value(row, "auth.method");

        String name = value(row, "user.name");
        String id = value(row, "user.id");
        List<String> roles = roles(row);
        String ip = value(row, "source.ip");
        String agent = value(row, "source.user_agent");
        String targetName = value(row, "target.name");
        String account = value(row, "target.account");
        String namespace = value(row, "target.namespace");
        return new Result(new AuditEvent(-1, time, timeText, null, action, outcome, value(row, "reason"),
                name == null && id == null && roles.isEmpty() ? null : new AuditEvent.Actor(name, id, roles),
                method == null && mfa == null ? null : new AuditEvent.Auth(method, mfa),
                ip == null && port == null && agent == null ? null : new AuditEvent.Source(ip, port, agent),
                kind == null && targetName == null && account == null && namespace == null ? null
                        : new AuditEvent.Target(kind, targetName, account, namespace),
                value(row, "session.id"), value(row, "command"), value(row, "query"), MappedFormat.NAME), null);
    }

    private static Result problem(String p) {
        return new Result(null, p);
    }

    private String value(MappedFormat.Row row, String field) {
        Mapping.Source s = mapping.fields().get(field);
        if (s == null) {
            return null;
        }
        return s.isConstant() ? s.constant() : row.text(s.path());
    }

    private List<String> roles(MappedFormat.Row row) {
        Mapping.Source s = mapping.fields().get("user.roles");
        if (s == null) {
            return List.of();
        }
        if (!s.isConstant()) {
            List<String> list = row.list(s.path());
            if (list != null) {
                return list;
            }
        }
        String text = value(row, "user.roles");
        if (text == null) {
            return List.of();
        }
        if (mapping.rolesSeparator() == null) {
            return List.of(text);
        }
        List<String> out = new ArrayList<>();
        for (String r : text.split(java.util.regex.Pattern.quote(mapping.rolesSeparator()))) {
            if (!r.isBlank()) {
                out.add(r.trim());
            }
        }
        return out;
    }

    private Instant time(String text) {
        Mapping.TimeFormat f = mapping.timeFormat();
        try {
            if (f instanceof Mapping.TimeFormat.Rfc3339) {
                return Times.rfc3339(text.trim());
            }
            if (f instanceof Mapping.TimeFormat.EpochSeconds) {
                return epoch(number(text));
            }
            if (f instanceof Mapping.TimeFormat.EpochMillis) {
                return epoch(number(text).movePointLeft(3));
            }
            return Instant.from(((Mapping.TimeFormat.Pattern) f).formatter().parse(text.trim()));
        } catch (NumberFormatException | DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    /**
     * A number as written, refused when its exponent is far beyond any time's: moving the point of "17724e38430125"
     * or "1e-99999999" to whole seconds computes ten to that power, which takes minutes (a fuzz test found it).
     */
    private static BigDecimal number(String text) {
        BigDecimal d = new BigDecimal(text.trim());
        if (Math.abs((long) d.scale()) > MAX_SCALE) {
            throw new ArithmeticException("beyond any plausible time");
        }
        return d;
    }

    private static Instant epoch(BigDecimal seconds) {
        if (seconds.abs().compareTo(MAX_EPOCH_SECONDS) > 0) {
            throw new ArithmeticException("beyond any plausible time");
        }
        BigDecimal whole = seconds.setScale(0, java.math.RoundingMode.FLOOR);
        BigDecimal nanos = seconds.subtract(whole).multiply(BILLION).setScale(0, java.math.RoundingMode.FLOOR);
        return Instant.ofEpochSecond(whole.longValueExact(), nanos.longValueExact());
    }

    private static String describe(Mapping.TimeFormat f) {
        if (f instanceof Mapping.TimeFormat.Rfc3339) {
            return "an RFC 3339 time with a zone";
        }
        if (f instanceof Mapping.TimeFormat.EpochSeconds) {
            return "seconds since 1970";
        }
        if (f instanceof Mapping.TimeFormat.EpochMillis) {
            return "milliseconds since 1970";
        }
        return "a time in the pattern " + ((Mapping.TimeFormat.Pattern) f).pattern();
    }
}
