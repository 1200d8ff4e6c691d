package io.sealtrail.app.ui.cases;

import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.CaseImporter;
import io.sealtrail.verify.VerificationReport;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.trust.SeenCheckpoint;
import io.sealtrail.verify.note.NoteSigner;
import io.sealtrail.verify.note.VerifierKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;

/**
 * Imports bundles from the workbench (a bundle given at start, or dropped on the window): into the open case,
 * or into a new case in the cases folder. The same {@link CaseImporter} as {@code sealtrail import}: the
 * bundle is copied, verified, indexed in a staging folder and moved into place, so a cancelled or failed
 * import leaves the case as it was. Progress and the outcome are properties for a dialog to show.
 */
public final class ImportViewModel {
    private final Executor background;
    private final Executor fxThread;
    private final Callable<NoteSigner> auditor;
    private final Supplier<List<VerifierKey>> sessionKeys;
    private final Callable<List<VerifierKey>> storeKeys;
    private final Path casesFolder;
    private final Consumer<Path> openCase;
    private final Callable<List<SeenCheckpoint>> seen;
    private final BiFunction<VerificationReport, String, String> remember;
    private final SimpleBooleanProperty running = new SimpleBooleanProperty();
    private final SimpleDoubleProperty progress = new SimpleDoubleProperty(-1);
    private final SimpleStringProperty phase = new SimpleStringProperty("");
    private final SimpleStringProperty message = new SimpleStringProperty("");
    private final SimpleStringProperty error = new SimpleStringProperty("");
    private volatile AtomicBoolean cancel = new AtomicBoolean();

    /**
     * @param sessionKeys the log keys trusted for this session; called on the FX thread
     * @param storeKeys   the log keys of the trust store; called off the FX thread (it reads a file)
     * @param casesFolder where a new case is made when none is open
     * @param openCase    opens a case folder in the workbench (after a successful import)
     */
    public ImportViewModel(Executor background, Executor fxThread, Callable<NoteSigner> auditor,
                           Supplier<List<VerifierKey>> sessionKeys, Callable<List<VerifierKey>> storeKeys,
                           Path casesFolder, Consumer<Path> openCase) {
        this(background, fxThread, auditor, sessionKeys, storeKeys, casesFolder, openCase, List::of, (r, s) -> null);
    }

    /**
     * @param seen     the checkpoints verified before (to catch a forked log); called off the FX thread
     * @param remember remembers what an import showed of its log, returns null or why it could not
     */
    public ImportViewModel(Executor background, Executor fxThread, Callable<NoteSigner> auditor,
                           Supplier<List<VerifierKey>> sessionKeys, Callable<List<VerifierKey>> storeKeys,
                           Path casesFolder, Consumer<Path> openCase, Callable<List<SeenCheckpoint>> seen,
                           BiFunction<VerificationReport, String, String> remember) {
        this.seen = seen;
        this.remember = remember;
        this.background = background;
        this.fxThread = fxThread;
        this.auditor = auditor;
        this.sessionKeys = sessionKeys;
        this.storeKeys = storeKeys;
        this.casesFolder = casesFolder;
        this.openCase = openCase;
    }

    /** Imports the bundles one after another into {@code caseDir} (null: a new case named after the first bundle). */
    public void importBundles(Path caseDir, List<Path> bundles) {
        if (running.get() || bundles.isEmpty()) {
            return;
        }
        AtomicBoolean stop = new AtomicBoolean();
        cancel = stop;
        running.set(true);
        progress.set(-1);
        phase.set("Starting…");
        message.set("");
        error.set("");
        List<VerifierKey> session = sessionKeys.get();
        background.execute(() -> {
            Path target = caseDir;
            int done = 0;
            StringBuilder outcome = new StringBuilder();
            try {
                NoteSigner signer = auditor.call();
                List<VerifierKey> keys = new java.util.ArrayList<>(session);
                keys.addAll(storeKeys.call());
                VerifyOptions options = new VerifyOptions(keys, List.of(), null,
                        Runtime.getRuntime().availableProcessors(), seen.call());
                if (target == null) {
                    target = freshCaseDir(bundles.get(0));
                }
                CaseFolder c = CaseFolder.openOrCreate(target, Clock.systemUTC(), signer);
                for (Path b : bundles) {
                    String name = b.getFileName() + (bundles.size() > 1 ? " (" + (done + 1) + " of " + bundles.size() + ")" : "");
                    CaseImporter.Result r = new CaseImporter().importBundle(c, b, options, signer,
                            (p, n, total) -> fxThread.execute(() -> {
                                phase.set(capitalised(p) + " " + name);
                                progress.set(total <= 0 ? -1 : Math.min(1.0, (double) n / total));
                            }), stop::get);
                    String lost = remember.apply(r.report(), b.toAbsolutePath().normalize() + " (bundle "
                            + r.record().bundleId() + "), imported into case " + c.name());
                    if (lost != null) {
                        outcome.append(lost).append('\n');
                    }
                    done++;
                    outcome.append(String.format("%s: %,d events, %s (imported in %.1f s)%n", b.getFileName(),
                            r.record().events(), r.report().verdict(), r.phases().total().toMillis() / 1000.0));
                }
                Path opened = target;
                fxThread.execute(() -> {
                    running.set(false);
                    message.set(outcome.toString().strip());
                    openCase.accept(opened);
                });
            } catch (CancellationException e) {
                int imported = done;
                Path opened = target;
                fxThread.execute(() -> {
                    running.set(false);
                    message.set("Import cancelled" + (imported == 0 ? "; the case is as it was before"
                            : " after " + imported + " bundle(s); the one in progress was not added"));
                    if (imported > 0) {
                        openCase.accept(opened);
                    }
                });
            } catch (Exception e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                fxThread.execute(() -> {
                    running.set(false);
                    error.set("The import failed: " + why);
                });
            }
        });
    }

    /** {@code <cases folder>/<bundle name>}, or with -2, -3… when taken. */
    Path freshCaseDir(Path bundle) throws java.io.IOException {
        String base = bundle.getFileName().toString().replaceFirst("\\.zip$", "").replaceAll("[^\\p{L}\\p{N}._-]+", "-");
        Files.createDirectories(casesFolder);
        Path p = casesFolder.resolve(base);
        for (int i = 2; Files.exists(p); i++) {
            p = casesFolder.resolve(base + "-" + i);
        }
        return p;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Stops the import at its next check; the case stays as it was before that bundle. */
    public void cancel() {
        cancel.set(true);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** 0…1, or -1 while the share is not known. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    /** "Verifying export-1.zip" and the like. */
    public ReadOnlyStringProperty phaseProperty() {
        return phase;
    }

    /** What the finished import did, a line per bundle. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public Path casesFolder() {
        return casesFolder;
    }

    /**
     * Where new cases go: {@code $SEALTRAIL_HOME/cases}, else {@code $XDG_DATA_HOME/sealtrail/cases}, else
     * {@code ~/.local/share/sealtrail/cases}.
     */
    public static Path defaultCasesFolder(Map<String, String> env) {
        String home = env.get("SEALTRAIL_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home, "cases");
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "sealtrail", "cases");
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "sealtrail", "cases");
    }
}
