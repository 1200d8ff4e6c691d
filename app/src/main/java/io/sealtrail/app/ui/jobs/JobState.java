package io.sealtrail.app.ui.jobs;

import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;

/**
 * What a dialog or a status bar shows of one kind of background job (an import, a report, an export):
 * whether it runs, how far it is, what it is doing, how it ended, and a way to stop it. Every property
 * changes on the FX thread, and when a job ends its message or error is set <em>before</em> running turns
 * false, so whoever reacts to the end sees how it ended (a dialog closed on "not running, no error" once
 * mistook a failed import for a finished one).
 */
public final class JobState {
    private final SimpleBooleanProperty running = new SimpleBooleanProperty();
    private final SimpleDoubleProperty progress = new SimpleDoubleProperty(-1);
    private final SimpleStringProperty phase = new SimpleStringProperty("");
    private final SimpleStringProperty message = new SimpleStringProperty("");
    private final SimpleStringProperty error = new SimpleStringProperty("");
    private volatile AtomicBoolean cancel = new AtomicBoolean();

    /** Asks the running job to stop at its next check; a job that is not running ignores it. */
    public void cancel() {
        cancel.set(true);
    }

    public boolean isRunning() {
        return running.get();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** 0…1, or -1 while the share is not known. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    /** What the job does now ("Verifying export-1.zip"). */
    public ReadOnlyStringProperty phaseProperty() {
        return phase;
    }

    /** How the last job ended, or what it does while running; empty when it failed. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** Why the last job failed, one plain sentence; empty unless it failed. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** On the FX thread: a new job begins. @return its cancel flag */
    AtomicBoolean begin(String startMessage) {
        AtomicBoolean flag = new AtomicBoolean();
        cancel = flag;
        error.set("");
        message.set(startMessage);
        phase.set("");
        progress.set(-1);
        running.set(true);
        return flag;
    }

    /** On the FX thread. */
    void progress(String now, double share) {
        phase.set(now);
        progress.set(share);
    }

    /** On the FX thread: the outcome first, then running false (see the class comment). */
    void end(String outcome, String failure) {
        message.set(outcome);
        error.set(failure);
        running.set(false);
    }
}
