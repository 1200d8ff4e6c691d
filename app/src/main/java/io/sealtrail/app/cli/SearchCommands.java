package io.sealtrail.app.cli;

import io.sealtrail.app.cli.SealtrailCommand.UserException;
import io.sealtrail.cases.AuditorKey;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.index.Bucket;
import io.sealtrail.index.Cursor;
import io.sealtrail.index.EventQuery;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.FacetValue;
import io.sealtrail.index.Hit;
import io.sealtrail.index.HitFormat;
import io.sealtrail.index.IndexException;
import io.sealtrail.index.Page;
import io.sealtrail.index.Redaction;
import io.sealtrail.index.SessionSpan;
import io.sealtrail.index.SortOrder;
import io.sealtrail.model.EventRef;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The investigation commands over a case's index: search, facets, histogram, sessions, around. */
final class SearchCommands {
    private SearchCommands() {
    }

    /** Runs a body with the case's search open, turning index errors into one-line messages. */
    abstract static class CaseQuery implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CaseSupport.CaseOption caseOption = new CaseSupport.CaseOption();

        @Mixin
        LoginOptions login = new LoginOptions();

        @Override
        public final Integer call() throws Exception {
            CaseFolder c = caseOption.open();
            io.sealtrail.app.CaseEngine.Opened engine = CaseSupport.engine(c, login);
            try (EventSearch search = engine.search()) {
                sayEngine(engine);
                PrintWriter o = spec.commandLine().getOut();
                int exit = run(c, search, o);
                o.flush();
                return exit;
            } catch (IndexException e) {
                throw new UserException(e.getMessage(), e);
            }
        }

        abstract int run(CaseFolder c, EventSearch search, PrintWriter o) throws Exception;

        /**
         * Which engine answers, on standard error (standard output stays the answer alone, for jsonl and csv): said
         * for a case that was sent to OpenSearch, whether the cluster answers or, the case being partly sent, the
         * local index; a case never sent says nothing, as before OpenSearch.
         */
        private void sayEngine(io.sealtrail.app.CaseEngine.Opened engine) {
            PrintWriter err = spec.commandLine().getErr();
            if (engine.fallback() != null) {
                err.println("sealtrail: " + engine.fallback());
            } else if (engine.alias() != null) {
                err.println("sealtrail: answered by " + engine.answersFrom() + " (alias " + engine.alias() + ")");
            } else {
                return;
            }
            err.flush();
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = {"Search a case in Lucene syntax on the documented field names.",
                    "Search a case in Lucene syntax on the documented field names (docs/index-schema.md),",
                    "e.g. 'event.outcome:denied AND target.kind:kubernetes'. Results in time order, or sorted by --sort.",
                    "jsonl prints the evidence lines themselves; jsonl and csv have no row cap unless --limit."})
    static final class Search extends CaseQuery {
        @Parameters(arity = "0..1", paramLabel = "QUERY", description = "Default: every event.")
        String query = "*";

        @Mixin
        CaseSupport.TimeWindow window = new CaseSupport.TimeWindow();

        @Option(names = "--limit", description = "At most N results (default: 50 for text, all for jsonl and csv).")
        Long limit;

        @Option(names = "--format", defaultValue = "text", description = "text, jsonl or csv (default: ${DEFAULT-VALUE}).")
        String format;

        @Mixin
        RedactionOptions redactionOptions = new RedactionOptions();

        @Option(names = "--count", description = "Print only the number of matching events.")
        boolean count;

        @Option(names = "--sort", paramLabel = "FIELD[:desc]", description = "Sort by a keyword field or by time, seq,"
                + " leaf or line, ascending or with :desc descending; ties stay in time order (default: time).")
        String sort;

        @Override
        int run(CaseFolder c, EventSearch search, PrintWriter o) throws Exception {
            if (count) {
                o.println(search.count(window.query(query)));
                return 0;
            }
            HitFormat f;
            try {
                f = HitFormat.valueOf(format.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UserException("--format " + format + ": use text, jsonl or csv", e);
            }
            SortOrder order = sort == null ? SortOrder.TIME : SortOrder.parse(sort);
            long max = limit != null ? limit : f == HitFormat.TEXT ? 50 : Long.MAX_VALUE;
            Redaction redaction = redactionOptions.chosen();
            Redaction.Counts counts = new Redaction.Counts();
            io.sealtrail.verify.note.NoteSigner auditor = null;
            if (redaction != null) {
                // the record of what was blanked is part of the export: refuse before printing, not after
                auditor = AuditorKey.loadOrCreate(CliEnvironment.env());
                c.journal().requireHolder(auditor);
            }
            f.header(o);
            long printed = 0;
            long total = -1;
            Cursor after = null;
            while (printed < max) {
                Page page = search.search(window.query(query),
                        (int) Math.min(EventSearch.MAX_PAGE, max - printed), after, order);
                total = page.total();
                for (Hit h : page.hits()) {
                    f.print(redaction == null ? h : redaction.apply(h, counts), search.standing(h), o);
                    printed++;
                }
                if (page.next() == null || page.hits().isEmpty()) {
                    break;
                }
                after = page.next();
            }
            if (f == HitFormat.TEXT) {
                o.printf("%,d of %,d matching events shown%n", printed, Math.max(total, printed));
            }
            if (redaction != null) {
                o.flush();
                io.sealtrail.cases.JournalEntry e = c.journal().append(auditor, "export.redacted", Map.of(
                        "profile", redaction.name(), "profile_sha256", redaction.sha256(), "query", query,
                        "format", f.name().toLowerCase(java.util.Locale.ROOT), "events", Long.toString(printed),
                        "redacted", counts.toString()));
                PrintWriter err = spec.commandLine().getErr();
                err.printf("Redacted with profile %s (SHA-256 %s): %s; recorded as journal entry #%d%n",
                        redaction.name(), redaction.sha256(), counts, e.seq());
                err.flush();
            }
            return 0;
        }
    }

    @Command(name = "facets", mixinStandardHelpOptions = true,
            description = "Show the most frequent values of a field among the matching events.")
    static final class Facets extends CaseQuery {
        @Parameters(arity = "0..1", paramLabel = "QUERY")
        String query = "*";

        @Mixin
        CaseSupport.TimeWindow window = new CaseSupport.TimeWindow();

        @Option(names = "--field", required = true, description = "A keyword field, e.g. user.name or event.action.")
        String field;

        @Option(names = "--top", defaultValue = "10")
        int top;

        @Override
        int run(CaseFolder c, EventSearch search, PrintWriter o) throws Exception {
            List<FacetValue> values = search.facets(window.query(query), field, top);
            int width = values.stream().mapToInt(v -> v.value().length()).max().orElse(5);
            for (FacetValue v : values) {
                o.printf("%-" + width + "s  %,d%n", v.value(), v.count());
            }
            return 0;
        }
    }

    @Command(name = "histogram", mixinStandardHelpOptions = true,
            description = "Count the matching events per time bucket: one line per bucket, its start (UTC) and its count.")
    static final class Histogram extends CaseQuery {
        @Parameters(arity = "0..1", paramLabel = "QUERY")
        String query = "*";

        @Mixin
        CaseSupport.TimeWindow window = new CaseSupport.TimeWindow();

        @Option(names = "--interval", defaultValue = "1h", description = "Bucket width: 30s, 15m, 1h, 1d (default: ${DEFAULT-VALUE}).")
        String interval;

        @Override
        int run(CaseFolder c, EventSearch search, PrintWriter o) throws Exception {
            for (Bucket b : search.histogram(window.query(query), CaseSupport.interval(interval))) {
                o.printf("%s %d%n", b.start(), b.count());
            }
            return 0;
        }
    }

    @Command(name = "sessions", mixinStandardHelpOptions = true,
            description = "List the session spans among the matching events: start, end, user, target, events, failures.")
    static final class Sessions extends CaseQuery {
        @Parameters(arity = "0..1", paramLabel = "QUERY")
        String query = "*";

        @Mixin
        CaseSupport.TimeWindow window = new CaseSupport.TimeWindow();

        @Override
        int run(CaseFolder c, EventSearch search, PrintWriter o) throws Exception {
            o.printf("%-20s %-27s %-27s %-20s %-22s %7s %8s%n", "session", "start", "end", "user", "target", "events",
                    "failures");
            for (SessionSpan s : search.sessions(window.query(query))) {
                o.printf("%-20s %-27s %-27s %-20s %-22s %7d %8d%n", s.sessionId(), s.start(), s.end(),
                        s.user() == null ? "" : s.user(), s.target() == null ? "" : s.target(), s.events(), s.failures());
            }
            return 0;
        }
    }

    @Command(name = "around", mixinStandardHelpOptions = true,
            description = "Show the events just before and after one event, across all bundles of the case.")
    static final class Around extends CaseQuery {
        @Option(names = "--event", required = true, paramLabel = "SEQ|BUNDLE_ID:SEQ")
        String event;

        @Option(names = "--window", defaultValue = "10", description = "Events on each side (default: ${DEFAULT-VALUE}).")
        int window;

        @Override
        int run(CaseFolder c, EventSearch search, PrintWriter o) throws Exception {
            EventRef ref = CaseSupport.event(c, event);
            for (Hit h : search.around(ref.bundleId(), ref.seq(), window)) {
                o.print(h.anchor() ? "> " : "  ");
                HitFormat.TEXT.print(h, search.standing(h), o);
            }
            return 0;
        }
    }
}
