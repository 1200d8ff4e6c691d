package io.sealtrail.app.ui.jobs;

import io.sealtrail.verify.trust.UserFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The workbench's log file, set up once when the window starts: what went wrong unexpectedly in a background job,
 * with its stack trace, where the person can find it and send it on (a window has no terminal to print it to).
 * It is {@code $SEALTRAIL_HOME/sealtrail.log} (or the {@code sealtrail.home} property's folder, which tests use),
 * else in the user's state folder ({@link UserFolders#state}): on Linux {@code $XDG_STATE_HOME/sealtrail} or
 * {@code ~/.local/state/sealtrail}, on Windows {@code %LOCALAPPDATA%\Sealtrail}, on macOS {@code ~/Library/Logs/Sealtrail}.
 */
public final class WorkbenchLog {
    private static final String NAME = "sealtrail.log";
    /** One file that starts over when it reaches this size: a log, not an archive. */
    private static final int LIMIT_BYTES = 1 << 20;

    private WorkbenchLog() {
    }

    public static Path file(Map<String, String> env, Properties properties) {
        String home = properties.getProperty("sealtrail.home");
        if (home != null && !home.isBlank()) {
            return Path.of(home, NAME);
        }
        return new UserFolders(env, properties.getProperty("os.name", ""), Path.of(properties.getProperty("user.home")))
                .state().resolve(NAME);
    }

    /**
     * Sends what every logger logs at INFO and above to {@code file} as well, appending.
     *
     * @return the handler (remove it from the root logger and close it to stop), or empty when the file cannot be
     *     written; the workbench runs on without it, logging to the standard error as before
     */
    public static Optional<Handler> install(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            LogFile h = new LogFile(file.toAbsolutePath());
            h.setLevel(Level.INFO);
            h.setFormatter(new SimpleFormatter());
            Logger.getLogger("").addHandler(h);
            return Optional.of(h);
        } catch (IOException | RuntimeException e) {
            Logger.getLogger(WorkbenchLog.class.getName()).log(Level.WARNING, "no log file at " + file, e);
            return Optional.empty();
        }
    }

    /** Where the log file is, once {@link #install} set it up. */
    public static Optional<Path> location() {
        return Arrays.stream(Logger.getLogger("").getHandlers()).filter(LogFile.class::isInstance)
                .map(h -> ((LogFile) h).path).findFirst();
    }

    private static final class LogFile extends FileHandler {
        private final Path path;

        LogFile(Path path) throws IOException {
            super(path.toString().replace("%", "%%"), LIMIT_BYTES, 1, true); // '%' starts FileHandler's patterns
            this.path = path;
        }
    }
}
