package io.sealtrail.app.ui.bundles;

import io.sealtrail.app.ui.jobs.UiTasks;
import io.sealtrail.model.Verdict;
import java.nio.file.Path;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One opened bundle: its state, banner and — once verified — its summary. Changed only on the FX thread
 * by {@link WorkbenchViewModel}, through the bundle's verification lane, which decides whether a finished
 * verification is still the current one.
 */
public final class BundleViewModel {

    /** Where the bundle's verification stands. */
    public enum State { QUEUED, VERIFYING, DONE, UNREADABLE, CANCELLED }

    private final Path path;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.QUEUED);
    private final ObjectProperty<Banner> banner = new SimpleObjectProperty<>(Banner.queued());
    private final ObjectProperty<BundleSummary> summary = new SimpleObjectProperty<>();
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final ObservableList<CheckpointRow> checkpoints = FXCollections.observableArrayList();
    private final ObservableList<KeyRow> keys = FXCollections.observableArrayList();
    private final ObjectProperty<Received> received = new SimpleObjectProperty<>();
    private final javafx.beans.property.BooleanProperty inCase = new javafx.beans.property.SimpleBooleanProperty();

    /**
     * The file as it was received, before anything was concluded from it: the first step of its chain of custody.
     *
     * @param size    its length in bytes, -1 for a bundle folder
     * @param sha256  its SHA-256 in hex, empty for a folder
     * @param problem why it could not be read, empty when it could
     */
    public record Received(long size, String sha256, String problem) {
        public boolean folder() {
            return size < 0 && problem.isEmpty();
        }
    }

    /** The bundle's verifications: a newer one (or a cancel) interrupts the older and drops what it still delivers. */
    final UiTasks.Latest verification;

    BundleViewModel(Path path, UiTasks.Latest verification) {
        this.path = path;
        this.verification = verification;
    }

    public Path path() {
        return path;
    }

    public String name() {
        Path f = path.getFileName();
        return f == null ? path.toString() : f.toString();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state;
    }

    public State state() {
        return state.get();
    }

    public ReadOnlyObjectProperty<Banner> bannerProperty() {
        return banner;
    }

    public Banner banner() {
        return banner.get();
    }

    /** Null until the current verification finished. */
    public ReadOnlyObjectProperty<BundleSummary> summaryProperty() {
        return summary;
    }

    public BundleSummary summary() {
        return summary.get();
    }

    /** The verdict of the last finished verification, or null. */
    public Verdict verdict() {
        BundleSummary s = summary.get();
        return s == null ? null : s.verdict();
    }

    /** 0..1 while verifying, -1 when unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ObservableList<CheckpointRow> checkpoints() {
        return checkpoints;
    }

    public ObservableList<KeyRow> keys() {
        return keys;
    }

    /** The received file's size and SHA-256; null while they are being read. */
    public ReadOnlyObjectProperty<Received> receivedProperty() {
        return received;
    }

    public Received received() {
        return received.get();
    }

    void received(Received r) {
        received.set(r);
    }

    /** True for one of the open case's bundles (its evidence copy), false for a file opened for a look. */
    public boolean inCase() {
        return inCase.get();
    }

    public javafx.beans.property.ReadOnlyBooleanProperty inCaseProperty() {
        return inCase;
    }

    void setInCase(boolean b) {
        inCase.set(b);
    }

    public boolean isRunning() {
        return state.get() == State.QUEUED || state.get() == State.VERIFYING;
    }

    /** A new verification replaces the old verdict at once: a stale verdict is never on screen. */
    void queued() {
        summary.set(null);
        checkpoints.clear();
        keys.clear();
        progress.set(-1);
        banner.set(Banner.queued());
        state.set(State.QUEUED);
    }

    void verifying() {
        banner.set(Banner.verifying());
        state.set(State.VERIFYING);
    }

    void progress(double p) {
        progress.set(p);
    }

    void show(BundleSummary s) {
        summary.set(s);
        checkpoints.setAll(s.checkpointRows());
        keys.setAll(s.keys());
        banner.set(s.banner());
        progress.set(1);
        state.set(State.DONE);
    }

    void unreadable(String why) {
        summary.set(null);
        checkpoints.clear();
        keys.clear();
        banner.set(Banner.unreadable(why));
        state.set(State.UNREADABLE);
    }

    void cancelled() {
        summary.set(null);
        checkpoints.clear();
        keys.clear();
        banner.set(Banner.cancelled());
        state.set(State.CANCELLED);
    }

    @Override
    public String toString() {
        return name();
    }
}
