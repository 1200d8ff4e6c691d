package io.sealtrail.sources.syslog;

import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Location;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Completes RFC 3164 times, which carry neither year nor zone, for one file. The year is the one given, else
 * the file's modification year; without a given year, a first line that would then lie more than a day after the
 * file was last written belongs to the year before (a file written in January that starts in December). A line in
 * January after one in December rolls the year forward; no other step back does, since a log copied together
 * from several hosts goes back and forth in time without a new year.
 */
final class YearClock {
    private static final int MAX_ROLLS_NAMED = 5;

    private final Integer givenYear;
    private final ZoneId zone;
    private final boolean zoneGiven;
    private final Instant modified;
    private Integer year;
    private int firstYear;
    private long firstLine = -1;
    private int previousMonth;
    private final List<Long> rolls = new ArrayList<>();
    private int rollCount;

    YearClock(Integer givenYear, ZoneId givenZone, Instant modified) {
        this.givenYear = givenYear;
        this.zoneGiven = givenZone != null;
        this.zone = givenZone != null ? givenZone : ZoneId.of("UTC");
        this.modified = modified;
    }

    /** The instant of a year-less time on the given line; throws DateTimeException for a day the year lacks. */
    Instant complete(SyslogLine l, long line) {
        if (year == null) {
            firstLine = line;
            int y;
            if (givenYear != null) {
                y = givenYear;
            } else {
                y = (modified != null ? modified : Instant.now()).atZone(zone).getYear();
                if (modified != null && exists(y, l) && at(y, l).isAfter(modified.plusSeconds(86_400))) {
                    y--;
                }
            }
            year = y;
            firstYear = y;
        } else if (previousMonth == 12 && l.month() == 1) {
            year++;
            rollCount++;
            if (rolls.size() < MAX_ROLLS_NAMED) {
                rolls.add(line);
            }
        }
        previousMonth = l.month();
        return at(year, l);
    }

    private static boolean exists(int y, SyslogLine l) {
        return l.day() <= YearMonth.of(y, l.month()).lengthOfMonth();
    }

    private Instant at(int y, SyslogLine l) {
        return LocalDateTime.of(y, l.month(), l.day(), l.hour(), l.minute(), Math.min(l.second(), 59), l.nanos())
                .atZone(zone).toInstant();
    }

    /** What was assumed for this file, or null when no line needed it. */
    Finding finding(String file) {
        if (firstLine < 0) {
            return null;
        }
        StringBuilder m = new StringBuilder(file).append(": syslog times carry no year and no zone; ");
        if (givenYear != null) {
            m.append("the year ").append(firstYear).append(" was given");
        } else if (modified != null) {
            m.append("the year ").append(firstYear).append(" is assumed from the file's modification time ")
                    .append(modified);
        } else {
            m.append("the year ").append(firstYear)
                    .append(" is assumed (the current year: the file has no modification time)");
        }
        m.append(" for line ").append(firstLine).append(" on");
        if (rollCount > 0) {
            m.append(", and rolls forward after December at line").append(rolls.size() > 1 ? "s " : " ");
            for (int i = 0; i < rolls.size(); i++) {
                m.append(i > 0 ? ", " : "").append(rolls.get(i));
            }
            if (rollCount > rolls.size()) {
                m.append(" and ").append(rollCount - rolls.size()).append(" more");
            }
        }
        m.append("; the zone ").append(zone.getId()).append(zoneGiven ? " was given" : " is assumed");
        Map<String, String> details = new LinkedHashMap<>();
        details.put("year", Integer.toString(firstYear));
        details.put("yearFrom", givenYear != null ? "given" : modified != null ? "modification time" : "current year");
        details.put("zone", zone.getId());
        details.put("zoneFrom", zoneGiven ? "given" : "default");
        details.put("rollovers", Integer.toString(rollCount));
        FindingCode code = FindingCode.TIME_ASSUMED;
        return new Finding(code, code.severity(), m.toString(), Location.line(file, firstLine, -1), details);
    }
}
