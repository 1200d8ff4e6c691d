package io.sealtrail.sources.sudoio;

import java.math.BigDecimal;

/**
 * One line of the timing file, as sudo's iolog_parse_timing reads it (lib/iolog/iolog_timing.c):
 * {@code type delay count} for the streams 0 stdin, 1 stdout, 2 stderr, 3 ttyin, 4 ttyout; {@code 5 delay rows
 * cols} for a window size change; {@code 7 delay SIGNAL} for a suspend. Type 6 is refused as sudo does: sudo
 * 1.8.7 numbered its events off by two. The delay is seconds since the previous line, as a decimal.
 */
record Timing(int type, long delayNanos, long count) {
    static final int WINSIZE = 5;
    static final int SUSPEND = 7;

    static Timing parse(String line) {
        String[] f = line.strip().split("[ \t]+");
        if (f.length < 3) {
            throw new IllegalArgumentException("not a timing line (type delay count): \"" + line + "\"");
        }
        int type;
        try {
            type = Integer.parseInt(f[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("event type \"" + f[0] + "\" is not a number");
        }
        if (type == 6) {
            throw new IllegalArgumentException("event type 6: a sudo 1.8.7 timing file, whose types are off by two");
        }
        if (type < 0 || type > SUSPEND) {
            throw new IllegalArgumentException("event type " + type + " is not one sudo writes (0 to 7)");
        }
        long delay;
        try {
            // sudo before 1.8.x wrote the locale's decimal point; a comma is read as one, as sudo does
            BigDecimal d = new BigDecimal(f[1].replace(',', '.'));
            if (d.signum() < 0) {
                throw new NumberFormatException();
            }
            delay = d.movePointRight(9).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("delay \"" + f[1] + "\" is not seconds as a decimal");
        }
        if (type == SUSPEND) {
            return new Timing(type, delay, 0);
        }
        if (type == WINSIZE ? f.length != 4 : f.length != 3) {
            throw new IllegalArgumentException(type == WINSIZE ? "a window size line has rows and cols"
                    : "a stream line has one byte count, not \"" + line.strip() + "\"");
        }
        try {
            long n = Long.parseLong(f[2]);
            if (type == WINSIZE) {
                Integer.parseInt(f[3]);
            }
            if (n < 0) {
                throw new NumberFormatException();
            }
            return new Timing(type, delay, type == WINSIZE ? 0 : n);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("count \"" + f[2] + "\" is not a number of bytes");
        }
    }

    boolean isIo() {
        return type < WINSIZE;
    }

    /** Keys or piped input: stdin or ttyin. */
    boolean isInput() {
        return isInput(type);
    }

    /** Whether a stream of this event type is input (stdin 0, ttyin 3). */
    static boolean isInput(int type) {
        return type == 0 || type == 3;
    }
}
