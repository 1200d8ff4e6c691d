package io.sealtrail.verify.event;

import java.time.Instant;

/**
 * Parses the one time format events use: {@code YYYY-MM-DDTHH:MM:SS[.fraction]Z}, UTC, 1 to 9
 * fractional digits. Hand-written because it runs once per event and {@link Instant#parse} costs more
 * than hashing the line does.
 */
public final class Rfc3339 {
    private Rfc3339() {
    }

    /** @return the instant, or null if the text is not in that exact form */
    public static Instant parseUtc(String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1); // non-Latin-1 becomes '?': invalid
        return parseUtc(b, 0, b.length);
    }

    /** The same, straight from a line's bytes. */
    public static Instant parseUtc(byte[] s, int off, int n) {
        if (n < 20 || s[off + n - 1] != 'Z' || s[off + 4] != '-' || s[off + 7] != '-'
                || s[off + 10] != 'T' || s[off + 13] != ':' || s[off + 16] != ':') {
            return null;
        }
        int year = digits(s, off, 4);
        int month = digits(s, off + 5, 2);
        int day = digits(s, off + 8, 2);
        int hour = digits(s, off + 11, 2);
        int minute = digits(s, off + 14, 2);
        int second = digits(s, off + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            if (s[off + 19] != '.' || n - 21 < 1 || n - 21 > 9) {
                return null;
            }
            int f = digits(s, off + 20, n - 21);
            if (f < 0) {
                return null;
            }
            nanos = f;
            for (int i = n - 21; i < 9; i++) {
                nanos *= 10;
            }
        }
        long epochDay = epochDay(year, month, day);
        return Instant.ofEpochSecond(epochDay * 86400 + hour * 3600L + minute * 60L + second, nanos);
    }

    private static int digits(byte[] s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            int c = s[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    // Days from civil, after Howard Hinnant's public-domain algorithm.
    private static long epochDay(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }
}
