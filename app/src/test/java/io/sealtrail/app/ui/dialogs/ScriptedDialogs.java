package io.sealtrail.app.ui.dialogs;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Dialogs a test answers in the user's place: each chooser or prompt takes the next scripted answer (none
 * left: the user cancels), and every title and alert is recorded for the test to look at.
 */
public final class ScriptedDialogs implements DialogService {
    /** An alert that was shown: its kind ("error", "warning"), header and message. */
    public record Shown(String kind, String header, String message) {
    }

    private final Deque<Object> answers = new ArrayDeque<>();
    private final List<String> asked = new ArrayList<>();
    private final List<Shown> shown = new ArrayList<>();

    /** The next chooser or prompt gets this: a Path, a {@link Saved}, a String, a Boolean, or a List of Paths. */
    public ScriptedDialogs answer(Object answer) {
        answers.add(answer);
        return this;
    }

    /** The titles (or headers) of the choosers, confirmations and prompts shown, in order. */
    public List<String> asked() {
        return asked;
    }

    public List<Shown> shown() {
        return shown;
    }

    private <T> Optional<T> next(String title, Class<T> type) {
        asked.add(title);
        Object a = answers.poll();
        return a == null ? Optional.empty() : Optional.of(type.cast(a));
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Path> openFiles(String title, List<Filter> filters) {
        return next(title, List.class).map(l -> (List<Path>) l).orElse(List.of());
    }

    @Override
    public Optional<Path> openFile(String title, List<Filter> filters) {
        return next(title, Path.class);
    }

    @Override
    public Optional<Path> openFolder(String title) {
        return next(title, Path.class);
    }

    @Override
    public Optional<Saved> saveFile(String title, Path initial, List<Filter> filters) {
        return next(title, Saved.class);
    }

    @Override
    public void showError(String header, String message) {
        shown.add(new Shown("error", header, message));
    }

    @Override
    public void showWarning(String header, String message) {
        shown.add(new Shown("warning", header, message));
    }

    @Override
    public void showInformation(String header, String message) {
        shown.add(new Shown("information", header, message));
    }

    @Override
    public boolean confirm(String header, String message) {
        return next(header, Boolean.class).orElse(false);
    }

    @Override
    public Optional<String> prompt(String title, String header, String label) {
        return next(title, String.class);
    }
}
