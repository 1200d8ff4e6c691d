package io.sealtrail.app.cli;

import io.sealtrail.app.cli.SealtrailCommand.UserException;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.ImportRecord;
import io.sealtrail.index.EventQuery;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.IndexException;
import io.sealtrail.model.EventRef;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import picocli.CommandLine.Option;

/** What the case commands share: --case, opening its search, times, intervals and event references. */
final class CaseSupport {
    private CaseSupport() {
    }

    /** The --case option. */
    static final class CaseOption {
        @Option(names = "--case", required = true, paramLabel = "DIR", description = "The case folder.")
        Path dir;

        CaseFolder open() throws UserException {
            return openCase(dir);
        }
    }

    /** Opens a case folder; what is wrong with it is the user's message. */
    static CaseFolder openCase(Path dir) throws UserException {
        try {
            return CaseFolder.open(dir, Clock.systemUTC());
        } catch (IOException e) {
            throw new UserException(e.getMessage(), e);
        }
    }

    /** The --from/--to options: a UTC date (midnight) or an RFC 3339 instant; --to is exclusive. */
    static final class TimeWindow {
        @Option(names = "--from", paramLabel = "T", description = "Only events at or after T (2026-03-01 or 2026-03-01T08:00:00Z).")
        String from;

        @Option(names = "--to", paramLabel = "T", description = "Only events before T.")
        String to;

        Instant from() throws UserException {
            return instant(from, "--from");
        }

        Instant to() throws UserException {
            return instant(to, "--to");
        }

        /** The query text within this window. */
        EventQuery query(String text) throws UserException {
            return new EventQuery(text, from(), to());
        }
    }

    static Instant instant(String s, String option) throws UserException {
        if (s == null) {
            return null;
        }
        try {
            return s.length() == 10 ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new UserException(option + " " + s + ": not a date (2026-03-01) or an RFC 3339 UTC time", e);
        }
    }

    /** 30s, 15m, 1h, 1d. */
    static Duration interval(String s) throws UserException {
        try {
            long n = Long.parseLong(s.substring(0, s.length() - 1));
            Duration d = switch (s.charAt(s.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> null;
            };
            if (d != null && !d.isNegative() && !d.isZero()) {
                return d;
            }
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            // reported below
        }
        throw new UserException("--interval " + s + ": use a number and s, m, h or d, e.g. 15m or 1h");
    }

    static EventSearch search(CaseFolder c) throws UserException {
        return search(c, new LoginOptions());
    }

    /** The case's search, logging in to its cluster as {@code login} says (or as the case recorded). */
    static EventSearch search(CaseFolder c, LoginOptions login) throws UserException {
        return engine(c, login).search();
    }

    /**
     * As {@link #search(CaseFolder, LoginOptions)}, with where its answers come from: OpenSearch when the case was
     * sent there (never the local index instead, when the cluster cannot be reached), else the local index.
     */
    static io.sealtrail.app.CaseEngine.Opened engine(CaseFolder c, LoginOptions login) throws UserException {
        io.sealtrail.opensearch.ClusterLogin how = login.forCase(c);
        List<ImportRecord> imports;
        try {
            imports = c.bundles();
        } catch (IOException e) {
            throw new UserException(c.dir() + ": " + e.getMessage(), e);
        }
        if (imports.isEmpty()) {
            throw new UserException(c.dir() + ": the case holds no bundles yet; import one with 'sealtrail import'");
        }
        try {
            // a case whose every bundle was also sent to OpenSearch is searched there (docs/opensearch.md)
            return io.sealtrail.app.CaseEngine.open(c, imports, how::connection, false);
        } catch (IndexException e) {
            throw new UserException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UserException(c.dir() + ": " + e.getMessage(), e);
        }
    }

    /** SEQ (when the case holds one bundle) or BUNDLE_ID:SEQ, where a unique prefix of the id will do. */
    static EventRef event(CaseFolder c, String ref) throws UserException {
        List<ImportRecord> bundles;
        try {
            bundles = c.bundles();
        } catch (IOException e) {
            throw new UserException(e.getMessage(), e);
        }
        int colon = ref.lastIndexOf(':');
        String id = colon < 0 ? null : ref.substring(0, colon);
        long seq;
        try {
            seq = Long.parseLong(ref.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new UserException("--event " + ref + ": use SEQ or BUNDLE_ID:SEQ", e);
        }
        List<ImportRecord> match = bundles.stream().filter(b -> id == null || b.bundleId().startsWith(id)).toList();
        if (match.size() != 1) {
            throw new UserException("--event " + ref + ": " + (match.isEmpty() ? "no bundle of the case matches"
                    : "the case holds " + match.size() + " bundles; name one as BUNDLE_ID:SEQ ("
                    + String.join(", ", match.stream().map(ImportRecord::bundleId).toList()) + ")"));
        }
        return new EventRef(match.get(0).bundleId(), seq);
    }
}
