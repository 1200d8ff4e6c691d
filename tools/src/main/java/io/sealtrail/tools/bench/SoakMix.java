package io.sealtrail.tools.bench;

import io.sealtrail.index.Cursor;
import io.sealtrail.index.EventQuery;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.FacetValue;
import io.sealtrail.index.Hit;
import io.sealtrail.index.IndexException;
import io.sealtrail.index.IndexSchema;
import io.sealtrail.index.Page;
import io.sealtrail.index.ResultSet;
import io.sealtrail.index.SortOrder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The soak's operations: a seeded random mix of what an analyst does in the workbench, over values read from the
 * case itself (its most frequent users, targets, actions, outcomes and commands), so every query can match.
 */
final class SoakMix {
    /** Rows per page, as the workbench fetches them. */
    static final int PAGE = 500;
    static final int FACET_TOP = 8;
    static final int AROUND_WINDOW = 10;
    static final int DEEP_PAGES = 20;
    /** The workbench's facet sidebar: each facet operation counts 3 or 4 of these for one query. */
    static final List<String> FACET_FIELDS = List.of("event.outcome", "event.action", "user.name", "target.kind",
            "target.name", "integrity");
    private static final List<String> TERM_FIELDS = List.of("user.name", "target.name", "event.action", "event.outcome");
    private static final int VOCABULARY_TOP = 40;

    /** The kinds of operation, each with its share of the mix in percent. */
    enum Kind {
        TERM("term", 20), TERM_NEWEST("term, newest first", 5), WORD("bare word", 8), PHRASE("phrase", 7),
        WILDCARD("wildcard prefix", 7), TIME_RANGE("range on time", 6), SEQ_RANGE("range on seq", 5),
        BOOLEAN("boolean", 8), FACETS_ALL("facets, every event", 4), FACETS("facets, narrowed", 6),
        HISTOGRAM_ALL("histogram, every event", 4), HISTOGRAM("histogram, narrowed", 6), SESSIONS("sessions", 5),
        AROUND("around", 5), DEEP_PAGE("deep paging (20 x 500)", 4);

        final String label;
        final int share;

        Kind(String label, int share) {
            this.label = label;
            this.share = share;
        }
    }

    /** One operation to run: its kind, what it asks (for the log), and how to ask it; returns the events it matched. */
    record Op(Kind kind, String what, Action action) {
    }

    @FunctionalInterface
    interface Action {
        long run(EventSearch s) throws IndexException;
    }

    /** A bundle's id and its first and last seq, for 'around'. */
    record SeqSpan(String bundleId, long first, long last) {
    }

    private final Map<String, List<String>> values;
    private final List<String> words;
    private final List<String[]> pairs;
    private final Instant first;
    private final Instant last;
    private final List<SeqSpan> spans;
    private final SplittableRandom random;

    private SoakMix(Map<String, List<String>> values, List<String> words, List<String[]> pairs, Instant first, Instant last,
                    List<SeqSpan> spans, long seed) {
        this.values = values;
        this.words = words;
        this.pairs = pairs;
        this.first = first;
        this.last = last;
        this.spans = spans;
        this.random = new SplittableRandom(seed);
    }

    /** Reads the vocabulary of the case: the most frequent values of the queried fields, its time span, its seqs. */
    static SoakMix of(EventSearch s, List<String> bundleIds, long seed) throws IndexException {
        Map<String, List<String>> values = new TreeMap<>();
        for (String f : TERM_FIELDS) {
            values.put(f, s.facets(EventQuery.all(), f, VOCABULARY_TOP).stream().map(FacetValue::value).toList());
            if (values.get(f).isEmpty()) {
                throw new IndexException("no event of the case has a " + f + " to query: the soak needs bundles' events");
            }
        }
        LinkedHashSet<String> words = new LinkedHashSet<>();
        List<String[]> pairs = new ArrayList<>();
        for (FacetValue c : s.facets(EventQuery.all(), "command.keyword", VOCABULARY_TOP)) {
            String[] w = c.value().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
            for (int i = 0; i < w.length; i++) {
                if (w[i].length() >= 3 && w[i].chars().allMatch(Character::isLetter)) {
                    words.add(w[i]);
                    if (i + 1 < w.length && w[i + 1].length() >= 2) {
                        pairs.add(new String[] {w[i], w[i + 1]});
                    }
                }
            }
        }
        ResultSet all = s.resultSet(EventQuery.all());
        if (all.count() == 0 || all.first() == null) {
            throw new IndexException("the case holds no events with a time to soak");
        }
        List<SeqSpan> spans = new ArrayList<>();
        for (String id : bundleIds) {
            EventQuery q = EventQuery.of(EventQuery.term(IndexSchema.BUNDLE_ID, id));
            List<Hit> lo = s.search(q, 1, null, new SortOrder(IndexSchema.SEQ, false)).hits();
            List<Hit> hi = s.search(q, 1, null, new SortOrder(IndexSchema.SEQ, true)).hits();
            if (!lo.isEmpty()) {
                spans.add(new SeqSpan(id, lo.get(0).seq(), hi.get(0).seq()));
            }
        }
        return new SoakMix(values, List.copyOf(words), pairs, all.first(), all.last(), spans, seed);
    }

    /** A short description of the vocabulary, for the log. */
    String describe() {
        return String.format(Locale.ROOT, "%d users, %d targets, %d actions, %d outcomes, %d words, %d phrases; %s to %s",
                values.get("user.name").size(), values.get("target.name").size(), values.get("event.action").size(),
                values.get("event.outcome").size(), words.size(), pairs.size(), first, last);
    }

    /** The next operation of the seeded mix. */
    Op next() {
        int r = random.nextInt(100);
        for (Kind k : Kind.values()) {
            if (r < k.share) {
                return make(k);
            }
            r -= k.share;
        }
        throw new AssertionError("the shares of the mix add up to 100");
    }

    private Op make(Kind k) {
        return switch (k) {
            case TERM -> page(k, term(), SortOrder.TIME);
            case TERM_NEWEST -> page(k, term(), SortOrder.NEWEST_FIRST);
            case WORD -> page(k, words.isEmpty() ? pick(values.get("event.action")) : pick(words), SortOrder.TIME);
            case PHRASE -> page(k, phrase(), SortOrder.TIME);
            case WILDCARD -> page(k, wildcard(), SortOrder.TIME);
            case TIME_RANGE -> {
                Instant a = timeIn();
                Instant b = a.plus(Duration.ofMinutes(60L + random.nextInt(7 * 24 * 60)));
                yield page(k, "time:[" + a + " TO " + b + "}", SortOrder.TIME);
            }
            case SEQ_RANGE -> {
                SeqSpan sp = spans.get(random.nextInt(spans.size()));
                long from = seqIn(sp);
                yield page(k, "seq:[" + from + " TO " + (from + 100 + random.nextInt(100_000)) + "]", SortOrder.TIME);
            }
            case BOOLEAN -> page(k, bool(), SortOrder.TIME);
            case FACETS, FACETS_ALL -> {
                EventQuery q = k == Kind.FACETS_ALL ? EventQuery.all() : narrowed();
                List<String> fields = new ArrayList<>(FACET_FIELDS);
                int n = 3 + random.nextInt(2);
                while (fields.size() > n) {
                    fields.remove(random.nextInt(fields.size()));
                }
                yield new Op(k, describe(q) + " over " + fields, s -> {
                    long counted = 0;
                    for (String f : fields) {
                        for (FacetValue v : s.facets(q, f, FACET_TOP)) {
                            counted += v.count();
                        }
                    }
                    return counted;
                });
            }
            case HISTOGRAM, HISTOGRAM_ALL -> {
                EventQuery q = k == Kind.HISTOGRAM_ALL ? EventQuery.all() : narrowed();
                Duration step = random.nextBoolean() ? Duration.ofHours(1) : Duration.ofDays(1);
                yield new Op(k, describe(q) + " by " + step, s -> s.histogram(q, step).stream().mapToLong(b -> b.count()).sum());
            }
            case SESSIONS -> {
                EventQuery q = EventQuery.of(EventQuery.term("user.name", pick(values.get("user.name"))));
                yield new Op(k, q.text(), s -> s.sessions(q).size());
            }
            case AROUND -> {
                SeqSpan sp = spans.get(random.nextInt(spans.size()));
                long seq = seqIn(sp);
                yield new Op(k, sp.bundleId() + ":" + seq, s -> s.around(sp.bundleId(), seq, AROUND_WINDOW).size());
            }
            case DEEP_PAGE -> {
                EventQuery q = random.nextBoolean() ? EventQuery.all()
                        : EventQuery.of(EventQuery.term("event.outcome", pick(values.get("event.outcome"))));
                yield new Op(k, describe(q), s -> {
                    long rows = 0;
                    Cursor after = null;
                    for (int i = 0; i < DEEP_PAGES; i++) {
                        Page p = s.search(q, PAGE, after, SortOrder.TIME);
                        rows += p.hits().size();
                        after = p.next();
                        if (after == null) {
                            break;
                        }
                    }
                    return rows;
                });
            }
        };
    }

    private static Op page(Kind k, String text, SortOrder order) {
        EventQuery q = EventQuery.of(text);
        return new Op(k, text, s -> s.search(q, PAGE, null, order).total());
    }

    private String term() {
        String f = pick(TERM_FIELDS);
        return EventQuery.term(f, pick(values.get(f)));
    }

    private String phrase() {
        if (pairs.isEmpty()) {
            return term();
        }
        String[] p = pairs.get(random.nextInt(pairs.size()));
        return "command:\"" + p[0] + " " + p[1] + "\"";
    }

    private String wildcard() {
        String f = random.nextBoolean() ? "user.name" : "target.name";
        String v = pick(values.get(f));
        String prefix = v.substring(0, Math.min(v.length(), 1 + random.nextInt(3)));
        return f + ":" + prefix.replaceAll("([^\\p{L}\\p{N}])", "\\\\$1") + "*";
    }

    private String bool() {
        String user = EventQuery.term("user.name", pick(values.get("user.name")));
        String action = EventQuery.term("event.action", pick(values.get("event.action")));
        String target = EventQuery.term("target.name", pick(values.get("target.name")));
        List<String> outcomes = values.get("event.outcome");
        String either = "(" + EventQuery.term("event.outcome", pick(outcomes)) + " OR "
                + EventQuery.term("event.outcome", pick(outcomes)) + ")";
        return switch (random.nextInt(3)) {
            case 0 -> action + " AND " + either;
            case 1 -> either + " AND " + target + " NOT " + user;
            default -> "(" + user + " OR " + target + ") AND NOT " + action;
        };
    }

    /**
     * What narrowed facets and histograms are asked about: a term or a window of a day to a month. Every event (what
     * the workbench shows first) is a kind of its own: at 10M events it is the slowest by far.
     */
    private EventQuery narrowed() {
        if (random.nextBoolean()) {
            return EventQuery.of(term());
        }
        Instant a = timeIn().truncatedTo(ChronoUnit.DAYS);
        return new EventQuery("", a, a.plus(Duration.ofDays(1 + random.nextInt(30))));
    }

    private static String describe(EventQuery q) {
        String text = q.text().isEmpty() ? "*" : q.text();
        return q.allTime() ? text : text + " in [" + q.from() + ", " + q.to() + ")";
    }

    private Instant timeIn() {
        long span = Math.max(1, Duration.between(first, last).toSeconds());
        return first.plusSeconds(random.nextLong(span));
    }

    private long seqIn(SeqSpan sp) {
        return sp.first() + random.nextLong(Math.max(1, sp.last() - sp.first() + 1));
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
