package io.sealtrail.app.cli;

import io.sealtrail.app.cli.SealtrailCommand.UserException;
import io.sealtrail.app.ui.Workbench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "gui", mixinStandardHelpOptions = true,
        description = "Open the workbench, with these bundles (zip files or folders) verified as it opens.")
final class GuiCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "BUNDLE")
    List<Path> bundles = new ArrayList<>();

    @Option(names = "--trust-session", paramLabel = "VKEY_FILE",
            description = "Trust this key file's keys for this session only (your trust store is not changed).")
    List<Path> trustSession = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        open(bundles, trustSession, false);
        return 0;
    }

    /** Whether a window can be shown at all: X11 or Wayland. */
    static boolean displayAvailable() {
        return System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
    }

    static void open(List<Path> bundles, List<Path> sessionKeys, boolean demo) throws UserException {
        if (!displayAvailable()) {
            throw new UserException("no display to open the workbench on (DISPLAY is not set); on a server, run it"
                    + " under xvfb-run, or use the command line (sealtrail --help)");
        }
        for (Path b : bundles) {
            if (!Files.exists(b)) {
                throw new UserException(b + ": no such file or directory");
            }
        }
        List<String> keys = new ArrayList<>();
        for (Path k : sessionKeys) {
            keys.add(k.toAbsolutePath().toString());
        }
        if (!keys.isEmpty()) {
            System.setProperty(Workbench.TRUST_SESSION_PROPERTY, String.join(java.io.File.pathSeparator, keys));
        }
        if (demo) {
            System.setProperty(Workbench.DEMO_PROPERTY, "true");
        }
        Workbench.launch(bundles.stream().map(p -> p.toAbsolutePath().normalize()).toList());
    }
}
