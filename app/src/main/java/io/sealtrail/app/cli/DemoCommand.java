package io.sealtrail.app.cli;

import io.sealtrail.app.demo.DemoBundles;
import io.sealtrail.app.demo.DemoCase;
import io.sealtrail.cases.AuditorKey;
import io.sealtrail.cases.CaseFiles;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.index.EventSearch;
import io.sealtrail.verify.note.NoteSigner;
import java.time.Clock;
import io.sealtrail.verify.BundleVerifier;
import io.sealtrail.verify.VerificationReport;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.note.VerifierKey;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Make the demo case, walk through verifying it, then open the workbench on it.",
                "Make the demo (once): two consecutive exports of one log, the second altered in one place,",
                "imported into a demo case; walk through verifying them, then open the workbench on them.",
                "The demo trusts its own demo key, for the demo only; your trust store is not changed."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", description = "Demo folder (default: ${DEFAULT-VALUE}).", defaultValue = "sealtrail-demo")
    Path dir;

    @Option(names = "--no-gui", description = "Only the walk-through in the terminal; do not open the workbench.")
    boolean noGui;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        o.println("Sealtrail demo: evidence in " + dir.toAbsolutePath() + (Files.exists(dir) ? "" : " (generating...)"));
        o.flush();
        DemoBundles.Demo demo = DemoBundles.create(dir);
        VerifierKey key = VerifierKey.parse(Files.readString(demo.vkey()).strip());
        o.println("The demo trusts only its own demo key, " + key.name() + " " + key.fingerprint()
                + ", and only for this walk-through (your trust store is not used or changed).");
        VerifyOptions trustDemo = DemoCase.trusting(key);
        BundleVerifier verifier = new BundleVerifier();

        section(o, "1. The first export, verified",
                io.sealtrail.app.AppInfo.command() + " verify " + demo.first() + " --trust " + demo.vkey());
        VerificationReport r1 = verifier.verify(demo.first(), trustDemo);
        VerifyCommand.print(r1, o);

        section(o, "2. The same export without trusting any key: intact, but nobody you trust vouches for it (exit 3)",
                io.sealtrail.app.AppInfo.command() + " verify " + demo.first() + " --no-trust-store");
        VerifyCommand.print(verifier.verify(demo.first(), new VerifyOptions(List.of(), List.of(), null, 2)), o);

        section(o, "3. The second export, checked for continuity with the first; it was altered: "
                + demo.alteration(), io.sealtrail.app.AppInfo.command() + " verify " + demo.second() + " --trust " + demo.vkey()
                + " --previous " + demo.first());
        VerificationReport r2 = verifier.verify(demo.second(), trustDemo.withPrevious(demo.first()));
        VerifyCommand.print(r2, o);

        Path caseDir = DemoCase.caseDir(dir);
        section(o, "4. Both exports in a case: a read-only index and a signed journal",
                io.sealtrail.app.AppInfo.command() + " import " + demo.first() + " " + demo.second() + " --case " + caseDir + " --trust " + demo.vkey());
        o.flush();
        if (CaseFolder.isCase(caseDir) && !readable(caseDir)) {
            o.println("(the demo case was made by an older Sealtrail whose index this one does not read: making it again)");
            CaseFiles.deleteTree(caseDir); // the demo's own folder, derived from the demo bundles beside it
        }
        if (!CaseFolder.isCase(caseDir)) {
            NoteSigner auditor = AuditorKey.loadOrCreate(CliEnvironment.env());
            DemoCase.importBoth(caseDir, demo, trustDemo, auditor, (b, r) -> o.printf("Imported %s: %,d events, %s%n",
                    b.getFileName(), r.record().events(), r.report().verdict()));
        } else {
            o.println("(already imported)");
        }
        String firstBundle = CaseFolder.open(caseDir, Clock.systemUTC()).bundles().get(0).bundleId().substring(0, 8);
        o.println();
        o.println("Try:");
        o.println("  " + io.sealtrail.app.AppInfo.command() + " search --case " + caseDir + " 'integrity:broken'");
        o.println("  " + io.sealtrail.app.AppInfo.command() + " search --case " + caseDir + " 'event.outcome:denied AND target.kind:kubernetes' --limit 10");
        o.println("  " + io.sealtrail.app.AppInfo.command() + " facets --case " + caseDir + " --field user.name");
        o.println("  " + io.sealtrail.app.AppInfo.command() + " histogram --case " + caseDir + " 'event.action:login AND event.outcome:failure' --interval 6h");
        o.println("  " + io.sealtrail.app.AppInfo.command() + " proof export --bundle " + demo.first() + " --seq 42 --out e42.tlog-proof");
        o.println("  " + io.sealtrail.app.AppInfo.command() + " proof verify e42.tlog-proof --vkey " + demo.vkey());
        o.println("  " + io.sealtrail.app.AppInfo.command() + " annotate --case " + caseDir + " --event " + firstBundle + ":42 --bookmark --comment 'why it matters'");
        o.println("  " + io.sealtrail.app.AppInfo.command() + " report --case " + caseDir + " --trust " + demo.vkey() + " --out demo-report.pdf");
        o.println("  " + io.sealtrail.app.AppInfo.command() + " report verify demo-report.pdf --vkey " + demo.vkey());
        o.flush();
        if (!noGui && GuiCommand.displayAvailable()) {
            o.println();
            o.println("Opening the workbench on the demo case...");
            o.flush();
            GuiCommand.open(List.of(), caseDir, null, List.of(demo.vkey()), true);
        } else if (!noGui) {
            o.println();
            o.println("(No display here, so the workbench was not opened: run '" + io.sealtrail.app.AppInfo.command()
                    + " demo' on a desktop, or under xvfb-run.)");
        }
        o.flush();
        return 0;
    }

    /** Whether this Sealtrail can search the case (its index schema may be older). */
    private static boolean readable(Path caseDir) {
        try (EventSearch s = CaseSupport.search(CaseFolder.open(caseDir, Clock.systemUTC()))) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static void section(PrintWriter o, String title, String command) {
        o.println();
        o.println("== " + title);
        if (!command.isEmpty()) {
            o.println("$ " + command);
        }
    }
}
