package io.sealtrail.verify;

import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Location;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Collects every finding from every check. A broken file can produce a finding per line, so each code
 * keeps its first {@value #MAX_PER_CODE} findings and counts the rest, which are then reported as one
 * more finding of the same code — nothing is dropped silently. Thread-safe.
 */
public final class FindingCollector {
    static final int MAX_PER_CODE = 1000;

    private final List<Finding> findings = new ArrayList<>();
    private final Map<FindingCode, Long> counts = new EnumMap<>(FindingCode.class);

    public synchronized void add(Finding f) {
        long n = counts.merge(f.code(), 1L, Long::sum);
        if (n <= MAX_PER_CODE) {
            findings.add(f);
        }
    }

    public void add(FindingCode code, Location location, String message) {
        add(Finding.of(code, location, message));
    }

    /**
     * What one check collected, frozen: the kept findings in the order they were added, and how many of
     * each code there were. Each check collects on its own thread and hands this over; the façade
     * absorbs them in a fixed order, so which findings are kept never depends on thread timing either.
     */
    public record Collected(List<Finding> kept, Map<FindingCode, Long> counts) {
        public Collected {
            kept = List.copyOf(kept);
            counts = Map.copyOf(counts);
        }
    }

    public synchronized Collected collected() {
        return new Collected(findings, counts);
    }

    /**
     * Takes over another collector's findings and counts, as if they had been added here in order. The
     * event pass collects each segment separately and absorbs them in log order, so which findings are
     * kept never depends on thread timing.
     */
    public void absorb(FindingCollector other) {
        absorb(other.collected());
    }

    /** Takes over a check's findings and counts, as if they had been added here in order. */
    public synchronized void absorb(Collected other) {
        Map<FindingCode, Long> keptCounts = new EnumMap<>(FindingCode.class);
        for (Finding f : other.kept()) {
            add(f);
            keptCounts.merge(f.code(), 1L, Long::sum);
        }
        other.counts().forEach((code, n) -> {
            long extra = n - keptCounts.getOrDefault(code, 0L);
            if (extra > 0) {
                counts.merge(code, extra, Long::sum);
            }
        });
    }

    public synchronized boolean has(FindingCode code) {
        return counts.containsKey(code);
    }

    /** Compares paths with their numbers by value, so checkpoints/9000 comes before checkpoints/10000. */
    static int natural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int ei = i;
                int ej = j;
                while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
                    ei++;
                }
                while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
                    ej++;
                }
                String nx = a.substring(i, ei).replaceFirst("^0+(?=.)", "");
                String ny = b.substring(j, ej).replaceFirst("^0+(?=.)", "");
                int c = nx.length() != ny.length() ? Integer.compare(nx.length(), ny.length()) : nx.compareTo(ny);
                if (c != 0) {
                    return c;
                }
                i = ei;
                j = ej;
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Findings sorted by severity, file (bundle-wide ones last), line and code, followed by one summary per code that overflowed. */
    public synchronized List<Finding> sorted() {
        List<Finding> out = new ArrayList<>(findings);
        // Within a severity, findings that point at a line come first: they are the causes (an edited
        // event, a broken link); file- and bundle-wide findings (hash, root, coverage) are their effects.
        out.sort(Comparator.comparing(Finding::severity)
                .thenComparing(f -> f.location().line() < 0)
                .thenComparing((Finding f) -> f.location().file(), Comparator.nullsLast(FindingCollector::natural))
                .thenComparingLong(f -> f.location().line())
                .thenComparingLong(f -> f.location().seq())
                .thenComparing(Finding::code));
        counts.forEach((code, n) -> {
            if (n > MAX_PER_CODE) {
                out.add(Finding.of(code, Location.BUNDLE, "and " + (n - MAX_PER_CODE) + " more " + code
                        + " findings like the ones above (" + n + " in all)"));
            }
        });
        return out;
    }
}
