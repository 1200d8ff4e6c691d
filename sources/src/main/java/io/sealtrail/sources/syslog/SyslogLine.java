package io.sealtrail.sources.syslog;

import io.sealtrail.sources.Times;
import java.time.Instant;

/**
 * The header of one syslog line, in one of the three shapes auth.log and secure are written in:
 * <ul>
 *   <li>RFC 3164 / BSD: {@code [<PRI>]Mmm dd hh:mm:ss[.frac] HOST TAG[PID]: MSG} (no year, no zone);</li>
 *   <li>RFC 5424: {@code <PRI>1 TIMESTAMP HOST APP PROCID MSGID SD MSG};</li>
 *   <li>rsyslog's high-precision form: {@code TIMESTAMP HOST TAG[PID]: MSG} with an RFC 3339 timestamp.</li>
 * </ul>
 *
 * @param timeText the timestamp exactly as written
 * @param time     the instant, or null for an RFC 3164 time (no year, no zone: {@link YearClock} completes it)
 * @param program  the TAG / APP-NAME, or null when the line has none
 * @param text     what follows the host, exactly as written (TAG, PID and message)
 */
record SyslogLine(String timeText, Instant time, int month, int day, int hour, int minute, int second, int nanos,
                  String host, String program, String pid, String message, String text) {

    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    /** The line's header, or null when the line is not syslog. */
    static SyslogLine parse(String s) {
        int i = 0;
        int n = s.length();
        if (n > 0 && s.charAt(0) == '<') {
            int close = s.indexOf('>');
            if (close < 2 || close > 4 || !digits(s, 1, close)) {
                return null;
            }
            i = close + 1;
            if (i + 1 < n && s.charAt(i) == '1' && s.charAt(i + 1) == ' ') {
                return rfc5424(s, i + 2);
            }
        }
        if (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            int sp = s.indexOf(' ', i);
            if (sp < 0) {
                return null;
            }
            String ts = s.substring(i, sp);
            Instant t = Times.rfc3339(ts);
            return t == null ? null : rest(s, sp + 1, ts, t, 0, 0, 0, 0, 0, 0);
        }
        return rfc3164(s, i);
    }

    private static SyslogLine rfc3164(String s, int i) {
        int n = s.length();
        if (i + 15 > n) {
            return null;
        }
        int m = MONTHS.indexOf(s.substring(i, i + 3));
        if (m < 0 || m % 3 != 0 || s.charAt(i + 3) != ' ') {
            return null;
        }
        int p = i + 4;
        while (p < n && s.charAt(p) == ' ') {
            p++;
        }
        int dayStart = p;
        while (p < n && p - dayStart < 3 && s.charAt(p) >= '0' && s.charAt(p) <= '9') {
            p++;
        }
        if (p == dayStart || p - dayStart > 2 || p + 9 > n || s.charAt(p) != ' ') {
            return null;
        }
        int day = Integer.parseInt(s, dayStart, p, 10);
        p++;
        if (!digits(s, p, p + 2) || s.charAt(p + 2) != ':' || !digits(s, p + 3, p + 5) || s.charAt(p + 5) != ':'
                || !digits(s, p + 6, p + 8)) {
            return null;
        }
        int hour = Integer.parseInt(s, p, p + 2, 10);
        int minute = Integer.parseInt(s, p + 3, p + 5, 10);
        int second = Integer.parseInt(s, p + 6, p + 8, 10);
        p += 8;
        int nanos = 0;
        if (p < n && s.charAt(p) == '.') {
            int f = p + 1;
            int q = f;
            while (q < n && s.charAt(q) >= '0' && s.charAt(q) <= '9') {
                q++;
            }
            if (q == f || q - f > 9) {
                return null;
            }
            for (int k = 0; k < 9; k++) {
                nanos = nanos * 10 + (f + k < q ? s.charAt(f + k) - '0' : 0);
            }
            p = q;
        }
        if (day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60 || p >= n || s.charAt(p) != ' ') {
            return null;
        }
        return rest(s, p + 1, s.substring(i, p), null, m / 3 + 1, day, hour, minute, second, nanos);
    }

    /** HOST, then TAG[PID]: MSG. A first word ending in ':' is a tag: the host was left out. */
    private static SyslogLine rest(String s, int i, String timeText, Instant time, int month, int day, int hour,
                                   int minute, int second, int nanos) {
        int n = s.length();
        while (i < n && s.charAt(i) == ' ') {
            i++;
        }
        int sp = s.indexOf(' ', i);
        if (sp == i || i >= n) {
            return null;
        }
        String word = sp < 0 ? s.substring(i) : s.substring(i, sp);
        String host = null;
        int tagStart = i;
        if (!word.endsWith(":")) {
            host = word;
            tagStart = sp < 0 ? n : sp + 1;
        }
        String program = null;
        String pid = null;
        String message;
        int t = tagStart;
        while (t < n && s.charAt(t) != ':' && s.charAt(t) != '[' && s.charAt(t) != ' ') {
            t++;
        }
        int msgStart = -1;
        if (t < n && t > tagStart && s.charAt(t) == '[') {
            int close = s.indexOf(']', t);
            if (close > t && close + 1 < n && s.charAt(close + 1) == ':') {
                program = s.substring(tagStart, t);
                pid = s.substring(t + 1, close);
                msgStart = close + 2;
            }
        } else if (t < n && t > tagStart && s.charAt(t) == ':') {
            program = s.substring(tagStart, t);
            msgStart = t + 1;
        }
        if (msgStart < 0) {
            msgStart = tagStart;
        } else if (msgStart < n && s.charAt(msgStart) == ' ') {
            msgStart++;
        }
        message = msgStart >= n ? "" : s.substring(msgStart);
        String text = tagStart >= n ? "" : s.substring(tagStart);
        return new SyslogLine(timeText, time, month, day, hour, minute, second, nanos, host, program, pid, message,
                text);
    }

    /** After "<PRI>1 ": TIMESTAMP HOST APP-NAME PROCID MSGID STRUCTURED-DATA [MSG]. */
    private static SyslogLine rfc5424(String s, int i) {
        String[] f = new String[5];
        int p = i;
        for (int k = 0; k < 5; k++) {
            int sp = s.indexOf(' ', p);
            if (sp <= p) {
                return null;
            }
            f[k] = s.substring(p, sp);
            p = sp + 1;
        }
        Instant t = Times.rfc3339(f[0]);
        if (t == null) {
            return null;
        }
        int n = s.length();
        if (p >= n) {
            return null;
        }
        if (s.charAt(p) == '-') {
            p++;
        } else if (s.charAt(p) == '[') {
            p = structuredDataEnd(s, p);
            if (p < 0) {
                return null;
            }
        } else {
            return null;
        }
        if (p < n && s.charAt(p) == ' ') {
            p++;
        }
        if (s.startsWith("\uFEFF", p)) {
            p++;
        }
        String message = p >= n ? "" : s.substring(p);
        String program = f[2].equals("-") ? null : f[2];
        String pid = f[3].equals("-") ? null : f[3];
        String host = f[1].equals("-") ? null : f[1];
        int textStart = s.indexOf(' ', s.indexOf(' ', i) + 1) + 1;
        return new SyslogLine(f[0], t, 0, 0, 0, 0, 0, 0, host, program, pid, message, s.substring(textStart));
    }

    /** The index after the last ']' of one or more SD-ELEMENTs starting at p, or -1. */
    private static int structuredDataEnd(String s, int p) {
        int n = s.length();
        while (p < n && s.charAt(p) == '[') {
            boolean quoted = false;
            int q = p + 1;
            for (; q < n; q++) {
                char c = s.charAt(q);
                if (c == '\\' && quoted) {
                    q++;
                } else if (c == '"') {
                    quoted = !quoted;
                } else if (c == ']' && !quoted) {
                    break;
                }
            }
            if (q >= n) {
                return -1;
            }
            p = q + 1;
        }
        return p;
    }

    private static boolean digits(String s, int from, int to) {
        if (to > s.length() || from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
