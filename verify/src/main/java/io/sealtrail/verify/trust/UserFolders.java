package io.sealtrail.verify.trust;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where Sealtrail keeps a person's things, in the place each system's own apps use, so that an installed Sealtrail
 * is backed up, roamed and cleaned up like the others: on Linux the XDG folders, on Windows %APPDATA% (roams with
 * the account) and %LOCALAPPDATA% (cases are large: this machine only), on macOS ~/Library. {@code SEALTRAIL_HOME}
 * puts all of it in one folder instead (tests, a portable setup).
 *
 * @param env      the process environment
 * @param osName   the {@code os.name} system property
 * @param userHome the {@code user.home} system property
 */
public record UserFolders(Map<String, String> env, String osName, Path userHome) {
    private static final String NAME = "sealtrail";
    /** The Windows and macOS convention: the app's name as people read it. */
    private static final String TITLE = "Sealtrail";

    /** The current user's folders. */
    public static UserFolders current(Map<String, String> env) {
        return new UserFolders(env, System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    /** Settings and keys: the trust store, the auditor's key, recent cases, the reader's habits. */
    public Path config() {
        return home().orElseGet(() -> switch (system()) {
            case WINDOWS -> windows("APPDATA", "Roaming");
            case MAC -> userHome.resolve("Library").resolve("Application Support").resolve(TITLE);
            case OTHER -> xdg("XDG_CONFIG_HOME", ".config");
        });
    }

    /** What the person makes: cases (and the demo). */
    public Path data() {
        return home().orElseGet(() -> switch (system()) {
            case WINDOWS -> windows("LOCALAPPDATA", "Local");
            case MAC -> userHome.resolve("Library").resolve("Application Support").resolve(TITLE);
            case OTHER -> xdg("XDG_DATA_HOME", ".local/share");
        });
    }

    /** What the app leaves behind for later: its log. */
    public Path state() {
        return home().orElseGet(() -> switch (system()) {
            case WINDOWS -> windows("LOCALAPPDATA", "Local");
            case MAC -> userHome.resolve("Library").resolve("Logs").resolve(TITLE);
            case OTHER -> xdg("XDG_STATE_HOME", ".local/state");
        });
    }

    private enum Kind { WINDOWS, MAC, OTHER }

    private Kind system() {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        return os.startsWith("windows") ? Kind.WINDOWS : os.startsWith("mac") ? Kind.MAC : Kind.OTHER;
    }

    private Optional<Path> home() {
        return value("SEALTRAIL_HOME").map(Path::of);
    }

    private Path windows(String variable, String underAppData) {
        return value(variable).map(Path::of).orElseGet(() -> userHome.resolve("AppData").resolve(underAppData))
                .resolve(TITLE);
    }

    private Path xdg(String variable, String underHome) {
        return value(variable).map(Path::of).orElseGet(() -> userHome.resolve(underHome)).resolve(NAME);
    }

    private Optional<String> value(String variable) {
        String v = env.get(variable);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }
}
