package io.sealtrail.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * When access counts as off-hours: outside {@code [start, end)} local time in {@code zone} on Monday to
 * Friday, and all of Saturday and Sunday. The report states this definition next to the figure.
 */
public record BusinessHours(LocalTime start, LocalTime end, ZoneId zone) {
    /** Off-hours by default: 20:00–06:00 UTC on weekdays, and weekends. */
    public static final BusinessHours DEFAULT = new BusinessHours(LocalTime.of(6, 0), LocalTime.of(20, 0), ZoneId.of("UTC"));

    public BusinessHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("business hours must start before they end, not " + start + "-" + end);
        }
    }

    /** {@code HH:MM-HH:MM}, e.g. {@code 08:00-18:00}. */
    public static BusinessHours parse(String range, ZoneId zone) {
        String[] p = range.strip().split("-", -1);
        if (p.length != 2) {
            throw new IllegalArgumentException("business hours are HH:MM-HH:MM, e.g. 08:00-18:00, not \"" + range + "\"");
        }
        try {
            return new BusinessHours(LocalTime.parse(p[0].strip()), LocalTime.parse(p[1].strip()), zone);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("business hours are HH:MM-HH:MM, e.g. 08:00-18:00, not \"" + range + "\"", e);
        }
    }

    /** The sentence the report prints. */
    public String describe() {
        return "off-hours means before " + start + " or from " + end + " on Monday to Friday, and all of Saturday and "
                + "Sunday, local time in " + zone.getId() + " (business hours " + start + "–" + end + ")";
    }

    /** One stretch of off-hours time, {@code [from, to)}. */
    public record Window(Instant from, Instant to) {
    }

    /**
     * The off-hours windows overlapping {@code [from, to]}, merged where they touch (a weekend and the
     * evenings around it are one window), in time order.
     */
    public List<Window> offHours(Instant from, Instant to) {
        List<Window> out = new ArrayList<>();
        LocalDate day = from.atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = to.atZone(zone).toLocalDate().plusDays(1);
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            Instant midnight = day.atStartOfDay(zone).toInstant();
            Instant next = day.plusDays(1).atStartOfDay(zone).toInstant();
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                add(out, midnight, next);
            } else {
                add(out, midnight, ZonedDateTime.of(day, start, zone).toInstant());
                add(out, ZonedDateTime.of(day, end, zone).toInstant(), next);
            }
        }
        List<Window> clipped = new ArrayList<>();
        Instant end = to.plusNanos(1000); // [from, to] inclusive of the last event's microsecond
        for (Window w : out) {
            if (w.to().isAfter(from) && w.from().isBefore(end)) {
                clipped.add(w);
            }
        }
        return clipped;
    }

    private static void add(List<Window> out, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return;
        }
        if (!out.isEmpty() && !out.get(out.size() - 1).to().isBefore(from)) {
            Window prev = out.remove(out.size() - 1);
            out.add(new Window(prev.from(), to.isAfter(prev.to()) ? to : prev.to()));
            return;
        }
        out.add(new Window(from, to));
    }

    /** The windows as a query clause: {@code time:[a TO b} OR ...}, empty windows give a clause matching nothing. */
    public static String query(List<Window> windows) {
        if (windows.isEmpty()) {
            return "(time:[* TO *] AND NOT time:[* TO *])";
        }
        StringBuilder sb = new StringBuilder("(");
        for (Window w : windows) {
            if (sb.length() > 1) {
                sb.append(" OR ");
            }
            sb.append("time:[").append(w.from()).append(" TO ").append(w.to()).append('}');
        }
        return sb.append(')').toString();
    }
}
