package io.sealtrail.app.cli;

import java.util.HashMap;
import java.util.Map;

/**
 * The environment the commands see: the process environment, where the system property
 * {@code sealtrail.home} (used by tests and embedders) overrides SEALTRAIL_HOME, the config folder.
 */
final class CliEnvironment {
    private CliEnvironment() {
    }

    static Map<String, String> env() {
        Map<String, String> env = new HashMap<>(System.getenv());
        String home = System.getProperty("sealtrail.home");
        if (home != null && !home.isBlank()) {
            env.put("SEALTRAIL_HOME", home);
        }
        return env;
    }
}
