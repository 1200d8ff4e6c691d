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

    public synchronized boolean has(FindingCode code) {
        return counts.containsKey(code);
    }

    /** Findings sorted by file, line and code, followed by one summary per code that overflowed. */
    public synchronized List<Finding> sorted() {
        List<Finding> out = new ArrayList<>(findings);
        out.sort(Comparator.comparing((Finding f) -> f.location().file() == null ? "" : f.location().file())
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
