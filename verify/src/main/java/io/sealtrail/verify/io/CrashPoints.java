package io.sealtrail.verify.io;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The moments where a crash would leave the files of a case or a trust store between two states: after each file is
 * written and forced, after each rename that publishes one. A crash-safety test (app's CrashSafetyTest) runs a
 * command in a child JVM with {@value #PROPERTY}=N, and the N-th point reached stops the JVM at once as SIGKILL would
 * (no shutdown hooks, no buffers flushed), then checks what is left. Without the property a point costs one read of
 * a constant.
 */
public final class CrashPoints {
    /** The system property naming the point to stop at (1 = the first one reached). Tests only. */
    public static final String PROPERTY = "sealtrail.test.crash-at";
    /** The exit status of a JVM stopped at a point, as a shell reports a SIGKILL. */
    public static final int STATUS = 137;
    private static final long AT = Long.getLong(PROPERTY, 0);
    private static final AtomicLong REACHED = new AtomicLong();

    private CrashPoints() {
    }

    /** One point passed; {@code where} names it on stderr when the JVM stops there. */
    public static void reached(String where) {
        if (AT > 0 && REACHED.incrementAndGet() == AT) {
            // straight to file descriptor 2, unbuffered: the test reads where it stopped, and nothing else may run
            try {
                new java.io.FileOutputStream(java.io.FileDescriptor.err).write(("crash point " + AT + ": " + where + "\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.io.IOException ignored) {
                // stopping matters, not the note
            }
            Runtime.getRuntime().halt(STATUS);
        }
    }
}
