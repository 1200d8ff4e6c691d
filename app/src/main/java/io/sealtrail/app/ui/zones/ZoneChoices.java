package io.sealtrail.app.ui.zones;

import io.sealtrail.verify.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The time zones an auditor can show a case's times in: every zone the JDK knows, the ones chosen lately first,
 * and the zone each case was last shown in. Two small files in the config folder, never in the case (a display
 * zone is a habit of the reader, not evidence): {@code recent-zones} (one zone id a line, newest first) and
 * {@code case-zones} (case id, a tab, zone id). Reading and writing are plain I/O, for the background executor.
 */
public final class ZoneChoices {
    public static final String RECENT_FILE = "recent-zones";
    public static final String CASES_FILE = "case-zones";
    public static final int MAX_RECENT = 8;
    /** UTC is the offset, not the region "UTC": the rest of the workbench compares with {@link ZoneOffset#UTC}. */
    private static final String UTC = "UTC";

    private final Path recentFile;
    private final Path casesFile;

    public ZoneChoices(Path configDir) {
        this.recentFile = configDir.resolve(RECENT_FILE);
        this.casesFile = configDir.resolve(CASES_FILE);
    }

    /** The zones chosen lately, newest first; a line that names no zone is skipped. */
    public List<ZoneId> recent() {
        List<ZoneId> out = new ArrayList<>();
        for (String line : read(recentFile)) {
            parse(line).filter(z -> !out.contains(z)).ifPresent(out::add);
        }
        return out.subList(0, Math.min(MAX_RECENT, out.size()));
    }

    /** The zone {@code caseId} was last shown in, if one was chosen for it. */
    public Optional<ZoneId> forCase(String caseId) {
        return Optional.ofNullable(caseZones().get(caseId)).flatMap(ZoneChoices::parse);
    }

    /** Remembers {@code zone} for the case (null: none open) and puts it first among the recent ones. */
    public void chosen(String caseId, ZoneId zone) throws IOException {
        List<ZoneId> recent = new ArrayList<>(recent());
        recent.remove(zone);
        recent.add(0, zone);
        write(recentFile, recent.subList(0, Math.min(MAX_RECENT, recent.size())).stream().map(ZoneChoices::id).toList());
        if (caseId != null) {
            Map<String, String> cases = caseZones();
            cases.remove(caseId);
            cases.put(caseId, id(zone));
            write(casesFile, cases.entrySet().stream().map(e -> e.getKey() + "\t" + e.getValue()).toList());
        }
    }

    private Map<String, String> caseZones() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : read(casesFile)) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                out.put(line.substring(0, tab), line.substring(tab + 1).strip());
            }
        }
        return out;
    }

    // --- the list the picker shows ---

    /**
     * Every zone whose id or offset contains {@code filter} (case does not matter, a space matches an underscore:
     * "new york" finds America/New_York): the recent ones first as given, then UTC and this computer's zone, then
     * the rest by id.
     */
    public static List<ZoneId> ordered(List<ZoneId> recent, ZoneId system, String filter, Instant at) {
        Set<ZoneId> all = new LinkedHashSet<>(recent);
        all.add(ZoneOffset.UTC);
        all.add(system);
        ZoneId.getAvailableZoneIds().stream().filter(id -> !id.equals(UTC)).sorted().map(ZoneId::of).forEach(all::add);
        String f = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
        return all.stream().filter(z -> f.isEmpty() || label(z, at).toLowerCase(Locale.ROOT).contains(f)).toList();
    }

    /** {@code America/New_York (UTC-05:00)} at {@code at}; UTC is just {@code UTC}. */
    public static String label(ZoneId zone, Instant at) {
        return ZoneOffset.UTC.equals(zone) ? UTC : id(zone) + " (" + offset(zone, at) + ")";
    }

    /** {@code UTC+05:30}, {@code UTC-05:00}, {@code UTC+00:00} at {@code at}. */
    public static String offset(ZoneId zone, Instant at) {
        ZoneOffset o = zone.getRules().getOffset(at);
        return "UTC" + (o.getTotalSeconds() == 0 ? "+00:00" : o.getId());
    }

    /** The zone's id as the files and the command line write it: {@code UTC} for the offset. */
    public static String id(ZoneId zone) {
        return ZoneOffset.UTC.equals(zone) ? UTC : zone.getId();
    }

    /** The zone an id names; {@code UTC} is the offset. */
    public static Optional<ZoneId> parse(String id) {
        String t = id == null ? "" : id.strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        if (t.equals(UTC)) {
            return Optional.of(ZoneOffset.UTC);
        }
        try {
            return Optional.of(ZoneId.of(t));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException | RuntimeException e) {
            return List.of(); // a damaged list is only a convenience lost
        }
    }

    private static void write(Path file, List<String> lines) throws IOException {
        Files.createDirectories(file.getParent());
        AtomicFiles.write(file, AtomicFiles.Existing.REPLACE,
                lines.stream().map(l -> l + "\n").collect(Collectors.joining()).getBytes(StandardCharsets.UTF_8));
    }
}
