package io.sealtrail.app.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What the workbench was started with. Application parameters: bundle paths, {@code --trust-session FILE}
 * (repeatable; a .vkey file trusted until the window closes), {@code --demo} (say that session trust is
 * the demo's). The same through system properties, for {@link Workbench#launch(List)}:
 * {@value Workbench#TRUST_SESSION_PROPERTY} (files separated by the path separator),
 * {@value Workbench#DEMO_PROPERTY}=true, and {@value Workbench#SCREENSHOT_PROPERTY}=DIR to save
 * screenshots of the main views there and exit.
 */
public record WorkbenchArguments(List<Path> bundles, List<Path> trustSession, boolean demo, Path screenshotDir) {

    public WorkbenchArguments {
        bundles = List.copyOf(bundles);
        trustSession = List.copyOf(trustSession);
    }

    public static WorkbenchArguments parse(List<String> raw, Properties properties) {
        List<Path> bundles = new ArrayList<>();
        List<Path> trust = new ArrayList<>();
        boolean demo = Boolean.parseBoolean(properties.getProperty(Workbench.DEMO_PROPERTY, "false"));
        String shots = properties.getProperty(Workbench.SCREENSHOT_PROPERTY);
        String sessionProperty = properties.getProperty(Workbench.TRUST_SESSION_PROPERTY, "");
        for (String f : sessionProperty.split(File.pathSeparator)) {
            if (!f.isBlank()) {
                trust.add(Path.of(f.strip()));
            }
        }
        for (int i = 0; i < raw.size(); i++) {
            String a = raw.get(i);
            if (a.equals("--trust-session")) {
                if (i + 1 >= raw.size()) {
                    throw new IllegalArgumentException("--trust-session needs a .vkey file");
                }
                trust.add(Path.of(raw.get(++i)));
            } else if (a.startsWith("--trust-session=")) {
                trust.add(Path.of(a.substring("--trust-session=".length())));
            } else if (a.equals("--demo")) {
                demo = true;
            } else if (a.startsWith("--screenshots=")) {
                shots = a.substring("--screenshots=".length());
            } else if (a.startsWith("--")) {
                throw new IllegalArgumentException("unknown option " + a);
            } else {
                bundles.add(Path.of(a));
            }
        }
        return new WorkbenchArguments(bundles, trust, demo, shots == null || shots.isBlank() ? null : Path.of(shots));
    }
}
