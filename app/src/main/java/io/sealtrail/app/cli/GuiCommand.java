package io.sealtrail.app.cli;

import io.sealtrail.app.cli.SealtrailCommand.UserException;
import io.sealtrail.app.ui.Workbench;
import io.sealtrail.app.ui.search.CaseArgument;
import io.sealtrail.cases.CaseFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "gui", mixinStandardHelpOptions = true,
        description = {"Open the workbench on a case, or import bundles into a case and open it.",
                "Open the workbench on a case (a folder made by 'sealtrail import'), or import bundles (zip",
                "files or folders) into a new case (or into --case) with a progress dialog and open that."})
final class GuiCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "CASE|BUNDLE")
    List<Path> bundles = new ArrayList<>();

    @Option(names = "--case", paramLabel = "DIR", description = "Open this case.")
    Path caseDir;

    @Option(names = "--query", paramLabel = "Q", description = "Run this search in the case once it is open.")
    String query;

    @Option(names = "--trust-session", paramLabel = "VKEY_FILE",
            description = "Trust this key file's keys for this session only (your trust store is not changed).")
    List<Path> trustSession = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        List<Path> plain = new ArrayList<>();
        Path kase = caseDir;
        for (Path p : bundles) {
            if (CaseFolder.isCase(p)) {
                if (kase != null && !kase.equals(p)) {
                    throw new UserException("open one case at a time: " + kase + " and " + p);
                }
                kase = p;
            } else {
                plain.add(p);
            }
        }
        if (kase != null && plain.isEmpty() && !CaseFolder.isCase(kase)) {
            throw new UserException(kase + ": not a case folder (no case.json); make one with 'sealtrail import'");
        }
        if (!plain.isEmpty()) { // import them (into --case, or a new case), with a progress dialog
            for (Path b : plain) {
                if (!Files.exists(b)) {
                    throw new UserException(b + ": no such file or directory");
                }
            }
            System.setProperty(CaseArgument.IMPORT_PROPERTY, String.join(java.io.File.pathSeparator,
                    plain.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList()));
        }
        open(List.of(), kase, query, trustSession, false);
        return 0;
    }

    static boolean displayAvailable() {
        return io.sealtrail.app.AppInfo.displayAvailable();
    }

    static void open(List<Path> bundles, Path caseDir, String query, List<Path> sessionKeys, boolean demo)
            throws UserException {
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
        if (caseDir != null) {
            System.setProperty(CaseArgument.PROPERTY, caseDir.toAbsolutePath().normalize().toString());
        }
        if (query != null) {
            System.setProperty(CaseArgument.QUERY_PROPERTY, query);
        }
        if (demo) {
            System.setProperty(Workbench.DEMO_PROPERTY, "true");
        }
        try {
            Workbench.launch(bundles.stream().map(p -> p.toAbsolutePath().normalize()).toList());
        } catch (UnsupportedOperationException e) {
            throw new UserException(launchFailure(e), e);
        }
    }

    /**
     * JavaFX says only "Unable to load glass GTK library" when the system lacks GTK 3 (a server, a minimal
     * container): the person needs the package's name, and to know the command line works without it.
     */
    static String launchFailure(UnsupportedOperationException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("GTK")) {
            return "the workbench needs GTK 3, which this system lacks (" + m + "): install libgtk-3-0 (Debian,"
                    + " Ubuntu) or gtk3 (Fedora, RHEL); the command line works without it (sealtrail --help)";
        }
        return "the workbench cannot start on this display: " + m;
    }
}
