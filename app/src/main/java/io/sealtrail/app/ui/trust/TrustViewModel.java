package io.sealtrail.app.ui.trust;

import io.sealtrail.app.ui.jobs.UiTasks;
import io.sealtrail.verify.note.NoteFormatException;
import io.sealtrail.verify.note.VerifierKey;
import io.sealtrail.verify.VerificationReport;
import io.sealtrail.verify.trust.SeenCheckpoint;
import io.sealtrail.verify.trust.SeenCheckpoints;
import io.sealtrail.verify.trust.TrustStore;
import java.time.Instant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Whom the auditor trusts: the keys of their {@link TrustStore} plus keys trusted for this session only
 * (the demo's own key, or a key the auditor wants to try without saving it). All reads and writes of
 * the store run on the background executor through {@link UiTasks} (reads latest-only, writes always
 * delivered); every property changes on the FX thread.
 *
 * <p>Adding a key is two steps on purpose: the pasted or loaded text becomes a {@link #candidate()}
 * whose name and fingerprint are shown, and only {@link #trustCandidate()} trusts it.
 */
public final class TrustViewModel {
    private final TrustStore store;
    private final SeenCheckpoints seenStore;
    private final UiTasks tasks;
    /** Reading the store and the remembered checkpoints: the newest read wins. */
    private final UiTasks.Latest reads;
    /** Reading a .vkey file: the file chosen last wins. */
    private final UiTasks.Latest candidateReads;

    private final ObservableList<TrustedKeyRow> keys = FXCollections.observableArrayList();
    private final ObservableList<SeenCheckpoint> seen = FXCollections.observableArrayList();
    private final List<VerifierKey> storedKeys = new ArrayList<>();
    private final Set<VerifierKey> sessionKeys = new LinkedHashSet<>();
    private final StringProperty candidateText = new SimpleStringProperty("");
    private final SimpleObjectProperty<VerifierKey> candidate = new SimpleObjectProperty<>();
    private final SimpleStringProperty candidateProblem = new SimpleStringProperty("");
    private final BooleanProperty sessionOnly = new SimpleBooleanProperty(false);
    private final SimpleStringProperty message = new SimpleStringProperty("");
    private final SimpleLongProperty changes = new SimpleLongProperty();

    /** The checkpoints verified before are remembered beside the trust store, as the command line does. */
    public TrustViewModel(TrustStore store, Executor background, Executor fxThread) {
        this.store = store;
        this.seenStore = new SeenCheckpoints(store.file().resolveSibling(SeenCheckpoints.FILE_NAME));
        this.tasks = new UiTasks(background, fxThread);
        this.reads = tasks.latest();
        this.candidateReads = tasks.latest();
        candidateText.addListener((o, was, text) -> parseCandidate(text));
    }

    /** Re-reads the trust store and the remembered checkpoints in the background. */
    public void reload() {
        reads.run(ctx -> {
            try {
                List<SeenCheckpoint> read = seenStore.all();
                ctx.deliver(() -> seen.setAll(read));
            } catch (IOException e) { // the keys are still worth reading
                ctx.deliver(() -> message.set(e.getMessage()));
            }
            List<VerifierKey> read = store.keys();
            ctx.deliver(() -> showStored(read));
        }, failure -> message.set("Your trust store cannot be read: " + failure.message()));
    }

    /** The store's keys, read now: for background jobs only (it reads a file). */
    public List<VerifierKey> readStore() throws IOException, NoteFormatException {
        return store.keys();
    }

    /** The checkpoints verified before, read now: for background jobs only (it reads a file). */
    public List<SeenCheckpoint> readSeen() throws IOException {
        return seenStore.all();
    }

    /**
     * Remembers what a verification showed of its log, now: for background jobs only.
     *
     * @return null, or why it could not be remembered (the verdict stands; only the memory is lost)
     */
    public String remember(VerificationReport report, String source) {
        try {
            seenStore.remember(report.worthRemembering(source, Instant.now()));
            return null;
        } catch (IOException e) {
            return "The checkpoints of " + source + " could not be remembered: " + e.getMessage();
        }
    }

    /** The checkpoints verified before, oldest first, as of the last {@link #reload()}. */
    public ObservableList<SeenCheckpoint> seen() {
        return seen;
    }

    public Path seenFile() {
        return seenStore.file();
    }

    /** Forgets what was remembered of one log (after a fork the auditor resolved with its operator). */
    public void forget(String origin) {
        tasks.always(ctx -> {
            int n = seenStore.forget(origin);
            List<SeenCheckpoint> read = seenStore.all();
            ctx.deliver(() -> {
                seen.setAll(read);
                message.set("Forgot " + n + " checkpoint(s) of " + origin + ".");
                changes.set(changes.get() + 1);
            });
        }, failure -> message.set("Could not change " + seenStore.file() + ": " + failure.message()));
    }

    public Path storeFile() {
        return store.file();
    }

    /** The session-only keys as of now; call on the FX thread. */
    public List<VerifierKey> sessionKeys() {
        return List.copyOf(sessionKeys);
    }

    /** Trusts a key until the workbench closes, without writing the trust store. */
    public void trustForSession(VerifierKey key) {
        if (sessionKeys.add(key)) {
            rebuild();
            changes.set(changes.get() + 1);
        }
    }

    /** The text the auditor pasted or loaded: one C2SP verifier key. */
    public StringProperty candidateTextProperty() {
        return candidateText;
    }

    /** The parsed key about to be trusted, or null while the text is empty or invalid. */
    public ReadOnlyObjectProperty<VerifierKey> candidateProperty() {
        return candidate;
    }

    public VerifierKey candidate() {
        return candidate.get();
    }

    /** Why the candidate text is not a key; empty when it is one or when there is no text. */
    public ReadOnlyStringProperty candidateProblemProperty() {
        return candidateProblem;
    }

    /** Whether {@link #trustCandidate()} trusts for this session only instead of saving to the store. */
    public BooleanProperty sessionOnlyProperty() {
        return sessionOnly;
    }

    /** The outcome of the last action, a plain sentence. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** Incremented whenever the set of trusted keys changed; the workbench re-verifies on change. */
    public ReadOnlyLongProperty changesProperty() {
        return changes;
    }

    public ObservableList<TrustedKeyRow> keys() {
        return keys;
    }

    /** Reads a .vkey file in the background and makes its content the candidate. */
    public void loadCandidate(Path file) {
        candidateReads.run(ctx -> {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            ctx.deliver(() -> candidateText.set(text));
        }, failure -> candidateProblem.set(file + " cannot be read: " + failure.message()));
    }

    /** Trusts the candidate: saved to the trust store, or for this session only. */
    public void trustCandidate() {
        VerifierKey key = candidate.get();
        if (key == null) {
            return;
        }
        if (sessionOnly.get()) {
            trustForSession(key);
            message.set("Trusted " + key.name() + " for this session only.");
            candidateText.set("");
            return;
        }
        tasks.always(ctx -> {
            boolean added = store.add(key, "added in the Sealtrail workbench");
            List<VerifierKey> read = store.keys();
            ctx.deliver(() -> {
                showStored(read);
                message.set(added ? "Trusted " + key.name() + "; saved to " + store.file() + "."
                        : key.name() + " was already in your trust store.");
                candidateText.set("");
                changes.set(changes.get() + 1);
            });
        }, failure -> message.set("Could not save to " + store.file() + ": " + failure.message()));
    }

    /** Stops trusting a key: removes it from the store, or from this session. */
    public void remove(TrustedKeyRow row) {
        if (row.sessionOnly()) {
            sessionKeys.remove(row.key());
            rebuild();
            changes.set(changes.get() + 1);
            return;
        }
        tasks.always(ctx -> {
            store.remove(row.fingerprint());
            List<VerifierKey> read = store.keys();
            ctx.deliver(() -> {
                showStored(read);
                message.set("No longer trusting " + row.name() + ".");
                changes.set(changes.get() + 1);
            });
        }, failure -> message.set("Could not change " + store.file() + ": " + failure.message()));
    }

    private void showStored(List<VerifierKey> read) {
        storedKeys.clear();
        storedKeys.addAll(read);
        rebuild();
    }

    private void rebuild() {
        List<TrustedKeyRow> rows = new ArrayList<>();
        storedKeys.forEach(k -> rows.add(new TrustedKeyRow(k, false)));
        sessionKeys.stream().filter(k -> !storedKeys.contains(k)).forEach(k -> rows.add(new TrustedKeyRow(k, true)));
        keys.setAll(rows);
    }

    private void parseCandidate(String text) {
        candidate.set(null);
        candidateProblem.set("");
        if (text == null || text.isBlank()) {
            return;
        }
        try {
            List<VerifierKey> parsed = VerifierKey.parseAll(text.strip());
            if (parsed.size() != 1) {
                candidateProblem.set(parsed.isEmpty() ? "No verifier key in this text."
                        : "This text holds " + parsed.size() + " keys; trust one key at a time.");
                return;
            }
            candidate.set(parsed.get(0));
        } catch (NoteFormatException e) {
            candidateProblem.set("Not a verifier key: " + e.getMessage());
        }
    }
}
