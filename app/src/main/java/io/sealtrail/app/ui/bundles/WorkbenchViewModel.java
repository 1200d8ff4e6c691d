package io.sealtrail.app.ui.bundles;

import io.sealtrail.cases.CaseContinuity;
import io.sealtrail.cases.ImportRecord;
import io.sealtrail.sources.SourceVerificationJson;
import java.nio.file.Files;
import io.sealtrail.app.ui.jobs.UiTasks;
import io.sealtrail.app.ui.trust.TrustViewModel;
import io.sealtrail.model.Severity;
import io.sealtrail.verify.BundleVerifier;
import io.sealtrail.verify.VerificationReport;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.trust.SeenCheckpoint;
import io.sealtrail.verify.bundle.BundleFormatException;
import io.sealtrail.verify.bundle.ReceivedFile;
import io.sealtrail.verify.note.NoteFormatException;
import io.sealtrail.verify.note.VerifierKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The workbench's state: the opened bundles, the selected one, its findings (filtered by severity) and
 * the status of running verifications. The only UI class that calls the verifier.
 *
 * <p>Threading (docs/decisions/0005-workbench-mvvm.md): public methods are called on the FX thread and
 * every property changes on it. Each bundle's verifications run in a latest-only lane of {@link UiTasks}
 * (docs/decisions/0014-workbench-jobs.md): verifying again or cancelling interrupts the running one, and what a
 * stale one still delivers is dropped.
 */
public final class WorkbenchViewModel {
    private static final long PROGRESS_INTERVAL_NANOS = 100_000_000L;

    private final BundleVerification verification;
    private final TrustViewModel trust;
    private final UiTasks tasks;
    private final int verifyThreads;
    private final LongSupplier nanoTime;

    /** Fires list updates when a bundle's banner changes, so the list's verdict dots follow. */
    private final ObservableList<BundleViewModel> bundles = FXCollections.observableArrayList(
            b -> new javafx.beans.Observable[] {b.bannerProperty(), b.stateProperty(), b.inCaseProperty()});
    private final ObjectProperty<BundleViewModel> selected = new SimpleObjectProperty<>();
    private final ObservableList<FindingRow> selectedFindings = FXCollections.observableArrayList();
    private final FilteredList<FindingRow> visibleFindings = new FilteredList<>(selectedFindings);
    private final BooleanProperty showErrors = new SimpleBooleanProperty(true);
    private final BooleanProperty showWarnings = new SimpleBooleanProperty(true);
    private final BooleanProperty showInfo = new SimpleBooleanProperty(true);
    private final IntegerProperty errors = new SimpleIntegerProperty();
    private final IntegerProperty warnings = new SimpleIntegerProperty();
    private final IntegerProperty infos = new SimpleIntegerProperty();
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty();
    private final SimpleDoubleProperty progress = new SimpleDoubleProperty(0);
    private final SimpleStringProperty status = new SimpleStringProperty("Open a bundle to verify it (Ctrl+O), or drop it here.");
    private final SimpleStringProperty trustNotice = new SimpleStringProperty("");
    private final StringBinding title;
    private final ChangeListener<BundleSummary> selectedSummaryChanged = (o, was, now) -> showFindings(now);
    private volatile boolean demo; // read by the verification jobs

    public WorkbenchViewModel(BundleVerification verification, TrustViewModel trust, Executor background,
                              Executor fxThread, int verifyThreads) {
        this(verification, trust, background, fxThread, verifyThreads, System::nanoTime);
    }

    WorkbenchViewModel(BundleVerification verification, TrustViewModel trust, Executor background, Executor fxThread,
                       int verifyThreads, LongSupplier nanoTime) {
        this.verification = verification;
        this.trust = trust;
        this.tasks = new UiTasks(background, fxThread);
        this.verifyThreads = Math.max(1, verifyThreads);
        this.nanoTime = nanoTime;
        title = Bindings.createStringBinding(() -> selected.get() == null ? "Sealtrail"
                : "Sealtrail — " + selected.get().name(), selected);
        selected.addListener((o, was, now) -> {
            if (was != null) {
                was.summaryProperty().removeListener(selectedSummaryChanged);
            }
            if (now != null) {
                now.summaryProperty().addListener(selectedSummaryChanged);
            }
            showFindings(now == null ? null : now.summary());
        });
        showErrors.addListener(o -> refilter());
        showWarnings.addListener(o -> refilter());
        showInfo.addListener(o -> refilter());
        trust.changesProperty().addListener(o -> {
            updateTrustNotice();
            verifyAll();
        });
        refilter();
    }

    /** Says in the UI that session-only trust is the demo's (the CLI's {@code sealtrail demo --gui}). */
    public void setDemo(boolean demo) {
        this.demo = demo;
        updateTrustNotice();
    }

    // --- opening and verifying ---

    /**
     * Shows the open case's bundles (their evidence copies) and verifies each, listed first and apart from the files
     * opened for a look; the bundles of a case opened before leave the list.
     */
    public void openCase(List<Path> evidence) {
        List<Path> paths = evidence.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        for (BundleViewModel b : List.copyOf(bundles)) {
            if (b.inCase() && !paths.contains(b.path())) {
                stop(b);
                bundles.remove(b);
            }
        }
        BundleViewModel last = null;
        for (Path path : paths) {
            BundleViewModel b = bundles.stream().filter(x -> x.path().equals(path)).findFirst().orElse(null);
            boolean fresh = b == null;
            if (fresh) {
                b = new BundleViewModel(path, tasks.latest());
            } else {
                bundles.remove(b);
            }
            b.setInCase(true);
            bundles.add((int) bundles.stream().filter(BundleViewModel::inCase).count(), b);
            if (fresh) {
                verify(b); // once listed: what a verification delivers for a bundle no longer listed is dropped
            }
            last = b;
        }
        if (last != null) {
            selected.set(last);
        }
        updateStatus();
    }

    /**
     * Opens bundles (zip files or folders) for a look, outside any case, and verifies each in the background;
     * selects the last one.
     */
    public void open(List<Path> paths) {
        BundleViewModel last = null;
        for (Path p : paths) {
            Path path = p.toAbsolutePath().normalize();
            BundleViewModel b = bundles.stream().filter(x -> x.path().equals(path)).findFirst().orElse(null);
            if (b == null) {
                b = new BundleViewModel(path, tasks.latest());
                bundles.add(b);
                verify(b);
            }
            last = b;
        }
        if (last != null) {
            selected.set(last);
        }
    }

    /** Verifies the selected bundle again. */
    public void verifySelected() {
        if (selected.get() != null) {
            verify(selected.get());
        }
    }

    /** Verifies every open bundle again, e.g. after the trusted keys changed. */
    public void verifyAll() {
        bundles.forEach(this::verify);
    }

    /** Closes the selected bundle (stops its verification). */
    public void closeSelected() {
        BundleViewModel b = selected.get();
        if (b == null) {
            return;
        }
        stop(b);
        int i = bundles.indexOf(b);
        bundles.remove(b);
        selected.set(bundles.isEmpty() ? null : bundles.get(Math.min(i, bundles.size() - 1)));
        updateStatus();
    }

    /** Cancels every queued or running verification. */
    public void cancelAll() {
        for (BundleViewModel b : bundles) {
            if (b.isRunning()) {
                stop(b);
                b.cancelled();
            }
        }
        updateStatus();
    }

    private void stop(BundleViewModel b) {
        b.verification.cancel(); // interrupts the verifier, which throws CancellationException; its results are stale
    }

    void verify(BundleViewModel b) {
        List<VerifierKey> session = trust.sessionKeys();
        boolean receive = b.received() == null;
        b.queued();
        b.verification.runInterruptibly(ctx -> run(b, ctx, session, receive), failure -> {
            b.unreadable(failure.bug() ? "Verification failed: " + failure.message() : failure.message());
            updateStatus();
        });
        updateStatus();
    }

    /**
     * A case's copy of a source other than a bundle: its verdict is the one its import recorded (the keys and options
     * it was read with are not kept, and its evidence is not a bundle to verify again). Null for anything else.
     */
    static BundleSummary recordedSource(Path evidence) throws BundleFormatException {
        Path dir = evidence.getParent() == null ? null : evidence.getParent().getParent();
        if (dir == null || !Files.isRegularFile(dir.resolve(ImportRecord.FILE))) {
            return null;
        }
        try {
            ImportRecord r = ImportRecord.read(dir.resolve(ImportRecord.FILE));
            if (r.isBundle()) {
                return null;
            }
            return BundleSummary.ofSource(r.bundleId(), r.format(), r.events(),
                    SourceVerificationJson.read(dir.resolve("verification.json")));
        } catch (IOException e) {
            throw new BundleFormatException(evidence + ": the recorded verification cannot be read: " + e.getMessage(), e);
        }
    }

    /** On the background executor; a BundleFormatException is the bundle's ("not readable"), the lane says it. */
    private void run(BundleViewModel b, UiTasks.Context ctx, List<VerifierKey> session, boolean receive)
            throws BundleFormatException {
        post(b, ctx, b::verifying);
        if (io.sealtrail.cases.CaseFolder.isCase(b.path())) {
            throw new BundleFormatException(b.path() + " is a case folder, not a bundle: File › Open case… opens it");
        }
        if (receive) {
            BundleViewModel.Received r = received(b.path());
            post(b, ctx, () -> b.received(r));
        }
        BundleSummary recorded = recordedSource(b.path());
        if (recorded != null) {
            post(b, ctx, () -> {
                b.show(recorded);
                updateStatus();
            });
            return;
        }
        Set<VerifierKey> keys = new LinkedHashSet<>();
        String trustProblem = null;
        try {
            keys.addAll(trust.readStore());
        } catch (IOException | NoteFormatException e) {
            trustProblem = "Your trust store cannot be read (" + e.getMessage() + "); verified without it.";
        }
        Set<String> sessionOnly = session.stream().filter(k -> !keys.contains(k)).map(VerifierKey::fingerprint)
                .collect(Collectors.toSet());
        keys.addAll(session);
        // The demo's made-up log must not enter the auditor's memory of real logs (it shares the generator's
        // default origin), nor be compared with it.
        List<SeenCheckpoint> seen = List.of();
        try {
            seen = demo ? List.of() : trust.readSeen();
        } catch (IOException e) {
            trustProblem = e.getMessage() + "; verified without comparing with the checkpoints you verified before.";
        }
        VerifyOptions options = new VerifyOptions(new ArrayList<>(keys), List.of(), null, verifyThreads, seen);
        CaseContinuity inCase = null;
        try {
            inCase = CaseContinuity.around(b.path());
        } catch (IOException e) {
            trustProblem = "The case around " + b.name() + " cannot be read (" + e.getMessage()
                    + "); verified without the other exports it holds.";
        }
        if (inCase != null) {
            options = inCase.options(b.path(), options);
        }
        VerificationReport verified = verification.verify(b.path(), options, throttled(b, ctx));
        VerificationReport report = inCase == null ? verified : inCase.explain(verified);
        String remembered = demo ? null : trust.remember(report, report.seenIn(b.path()));
        String problem = trustProblem != null ? trustProblem : remembered;
        BundleSummary summary = BundleSummary.of(report, sessionOnly);
        post(b, ctx, () -> {
            b.show(summary);
            if (problem != null) {
                status.set(problem);
            }
        });
    }

    /** The file's size and SHA-256 as received, before it is read as evidence (a folder has none). */
    static BundleViewModel.Received received(Path file) {
        if (Files.isDirectory(file)) {
            return new BundleViewModel.Received(-1, "", "");
        }
        try {
            return new BundleViewModel.Received(Files.size(file), ReceivedFile.sha256(file), "");
        } catch (IOException e) {
            return new BundleViewModel.Received(-1, "", "cannot be read: " + e.getMessage());
        }
    }

    /** Runs an update on the FX thread unless the verification went stale or the bundle was closed meanwhile. */
    private void post(BundleViewModel b, UiTasks.Context ctx, Runnable update) {
        ctx.deliver(() -> {
            if (bundles.contains(b)) {
                update.run();
                updateStatus();
            }
        });
    }

    /** The verifier reports per segment; still, never post more than ten updates a second. */
    private BundleVerifier.Progress throttled(BundleViewModel b, UiTasks.Context ctx) {
        AtomicLong last = new AtomicLong(nanoTime.getAsLong() - PROGRESS_INTERVAL_NANOS);
        return (done, total) -> {
            long now = nanoTime.getAsLong();
            if (total > 0 && (done >= total || now - last.get() >= PROGRESS_INTERVAL_NANOS)) {
                last.set(now);
                double p = (double) done / total;
                post(b, ctx, () -> b.progress(p));
            }
        };
    }

    private void updateStatus() {
        List<BundleViewModel> running = bundles.stream().filter(BundleViewModel::isRunning).toList();
        busy.set(!running.isEmpty());
        if (running.isEmpty()) {
            progress.set(0);
            status.set(bundles.isEmpty() ? "Open a bundle to verify it (Ctrl+O), or drop it here." : tallies());
            return;
        }
        BundleViewModel current = running.stream().filter(x -> x.state() == BundleViewModel.State.VERIFYING)
                .findFirst().orElse(running.get(0));
        double p = current.progressProperty().get();
        progress.set(p < 0 ? -1 : p);
        status.set("Verifying " + current.name() + (running.size() > 1 ? " (" + (running.size() - 1) + " more waiting)" : "")
                + "…");
    }

    /**
     * The case's bundles counted apart from the files opened for a look: "The case's 2 bundles: 2 verified. Opened
     * for a look, not in the case: 1 bundle, 1 integrity failure."; with no case open, "Checked 1 bundle: …".
     */
    private String tallies() {
        List<BundleViewModel> inCase = bundles.stream().filter(BundleViewModel::inCase).toList();
        List<BundleViewModel> looks = bundles.stream().filter(b -> !b.inCase()).toList();
        if (inCase.isEmpty()) {
            return "Checked " + tally(looks);
        }
        String c = "The case's " + tally(inCase);
        return looks.isEmpty() ? c : c + " Opened for a look, not in the case: " + tally(looks);
    }

    /** "2 bundles: 1 verified, 1 integrity failure." (a source with no evidence says so) */
    private static String tally(List<BundleViewModel> list) {
        java.util.Map<String, Long> by = new java.util.LinkedHashMap<>();
        for (BundleViewModel b : list) {
            String what = switch (b.banner().kind()) {
                case VERIFIED -> "verified";
                case UNTRUSTED -> "intact but not trusted";
                case NO_EVIDENCE -> "no integrity evidence";
                case FAILURE -> "integrity failure";
                case UNREADABLE -> "not readable";
                case CANCELLED -> "cancelled";
                case PENDING -> "waiting";
            };
            by.merge(what, 1L, Long::sum);
        }
        return list.size() + (list.size() == 1 ? " bundle: " : " bundles: ") + by.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")) + ".";
    }

    private void updateTrustNotice() {
        List<VerifierKey> session = trust.sessionKeys();
        if (session.isEmpty()) {
            trustNotice.set("");
            return;
        }
        String keys = session.stream().map(k -> k.name() + " (" + k.fingerprint() + ")").collect(Collectors.joining(", "));
        trustNotice.set((demo ? "Demo: trusting the demo key " : "Trusting ") + keys
                + " for this session only. Your trust store is not changed.");
    }

    // --- findings of the selected bundle ---

    private void showFindings(BundleSummary s) {
        selectedFindings.setAll(s == null ? List.of() : s.findings());
        errors.set(s == null ? 0 : s.errors());
        warnings.set(s == null ? 0 : s.warnings());
        infos.set(s == null ? 0 : s.infos());
    }

    private void refilter() {
        visibleFindings.setPredicate(f -> switch (f.severity()) {
            case ERROR -> showErrors.get();
            case WARNING -> showWarnings.get();
            case INFO -> showInfo.get();
        });
    }

    // --- properties ---

    /**
     * The verdict the current verification gives the bundle with this id, with the keys trusted now; null while it
     * is not verified (yet), or not shown here.
     */
    public io.sealtrail.model.Verdict verdictOf(String bundleId) {
        for (BundleViewModel b : bundles) {
            BundleSummary s = b.summary();
            if (s != null && bundleId.equals(s.bundleId())) {
                return s.verdict();
            }
        }
        return null;
    }

    /**
     * What the current verification says of one event: the checkpoint covering its leaf in the bundle with
     * this id, and whether its signer is trusted now; null while that bundle is not verified (yet).
     */
    public CheckpointRow covering(String bundleId, long leaf) {
        for (BundleViewModel b : bundles) {
            BundleSummary s = b.summary();
            if (s != null && bundleId.equals(s.bundleId())) {
                return s.covering(leaf);
            }
        }
        return null;
    }

    /**
     * One line on the checkpoint that vouches for an event, as the live verification sees it (empty while the
     * bundle is not verified, or the event comes after its last checkpoint).
     */
    public String coverage(String bundleId, long leaf) {
        CheckpointRow c = covering(bundleId, leaf);
        if (c == null) {
            return "";
        }
        return "Checkpoint at tree size " + String.format("%,d", c.treeSize()) + " (root " + c.rootStatus() + "), signed by "
                + c.signersFull() + (c.trusted() ? ", a key you trust" : ", no key you trust")
                + (c.timestamp().equals("—") ? "" : "; timestamped " + c.timestamp() + " by " + c.authority());
    }

    public ObservableList<BundleViewModel> bundles() {
        return bundles;
    }

    public ObjectProperty<BundleViewModel> selectedProperty() {
        return selected;
    }

    public BundleViewModel selected() {
        return selected.get();
    }

    /** The selected bundle's findings that pass the severity filter, in the verifier's order. */
    public ObservableList<FindingRow> visibleFindings() {
        return visibleFindings;
    }

    public BooleanProperty showProperty(Severity s) {
        return switch (s) {
            case ERROR -> showErrors;
            case WARNING -> showWarnings;
            case INFO -> showInfo;
        };
    }

    /** How many findings of this severity the selected bundle has (regardless of the filter). */
    public ReadOnlyIntegerProperty countProperty(Severity s) {
        return switch (s) {
            case ERROR -> errors;
            case WARNING -> warnings;
            case INFO -> infos;
        };
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** 0..1, or -1 for "working, amount unknown". */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** Non-empty while keys are trusted for this session only: the view shows it as a banner. */
    public ReadOnlyStringProperty trustNoticeProperty() {
        return trustNotice;
    }

    public StringBinding titleProperty() {
        return title;
    }

    public TrustViewModel trust() {
        return trust;
    }
}
