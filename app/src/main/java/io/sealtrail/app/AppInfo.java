package io.sealtrail.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Facts about the application that both the command line and the workbench need, so that neither has to
 * reach into the other: the version (from the pom, filtered into a resource at build time) and the
 * switches that change what it prints.
 */
public final class AppInfo {
    /** With {@code -Dsealtrail.timing=true} imports and the workbench print machine-readable timings (bench). */
    public static final String TIMING_PROPERTY = "sealtrail.timing";

    private static final String VERSION = readVersion();

    private AppInfo() {
    }

    /** The version in the pom, e.g. {@code 0.1.0-SNAPSHOT}. */
    /**
     * How the person starts Sealtrail, for the commands the demo suggests: the launcher script says how it was
     * called (./sealtrail from a clone); an installed app is "sealtrail".
     */
    public static String command() {
        String c = System.getenv("SEALTRAIL_COMMAND");
        return c == null || c.isBlank() ? "sealtrail" : c;
    }

    /** Whether a window can be shown at all: X11 or Wayland. */
    public static boolean displayAvailable() {
        return System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
    }

    public static String version() {
        return VERSION;
    }

    private static String readVersion() {
        try (InputStream in = AppInfo.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the build");
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "");
            if (v.isBlank() || v.contains("${")) {
                throw new IllegalStateException("version.properties was not filled in by the build: " + v);
            }
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
