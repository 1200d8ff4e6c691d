package io.sealtrail.app.ui.transcript;

import io.sealtrail.index.Hit;
import io.sealtrail.sources.Transcript;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A window for one session: the facts on top, then the transcript, what was typed marked and what came back below
 * it, each stretch with its offset from the start and its clock time; Find walks the stretches with the words
 * (Enter: next, Shift+Enter: previous), Copy puts the whole transcript on the clipboard; Play replays it at its own
 * pace or four times faster (pauses cut to two seconds), and a moment can be bookmarked. Not modal: several
 * sessions can be open beside the case.
 */
public final class SessionWindow {
    private final SessionViewModel vm;
    private final Stage stage = new Stage();
    private final GridPane facts = new GridPane();
    private final Label marked = new Label();
    private final ListView<Transcript.Entry> list = new ListView<>();
    private final BiConsumer<Hit, String> bookmark;
    private AnimationTimer playback;

    private SessionWindow(SessionViewModel vm, BiConsumer<Hit, String> bookmark) {
        this.vm = vm;
        this.bookmark = bookmark;
    }

    /**
     * Opens a window on the ViewModel (load it before or after); {@code owner} lends its stylesheets.
     *
     * @param bookmark bookmarks an event of the session with a comment (a signed journal entry)
     */
    public static SessionWindow show(Window owner, SessionViewModel vm, String sessionId, BiConsumer<Hit, String> bookmark) {
        SessionWindow w = new SessionWindow(vm, bookmark);
        w.build(owner, sessionId);
        w.stage.show();
        return w;
    }

    public Stage stage() {
        return stage;
    }

    private void build(Window owner, String sessionId) {
        stage.initOwner(owner);
        stage.setTitle("Session " + sessionId + " — Sealtrail");
        Label title = new Label("Session " + sessionId);
        title.getStyleClass().add("detail-title");
        facts.setHgap(12);
        facts.setVgap(3);
        facts.getStyleClass().add("facts");
        vm.detailProperty().addListener((o, was, now) -> showFacts());

        TextField find = new TextField();
        find.setId("transcriptFind");
        find.setPromptText("Find in the transcript");
        find.textProperty().bindBidirectional(vm.findProperty());
        find.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                if (e.isShiftDown()) {
                    vm.findPrevious();
                } else {
                    vm.findNext();
                }
                e.consume();
            }
        });
        HBox.setHgrow(find, Priority.ALWAYS);
        Label count = new Label();
        count.textProperty().bind(Bindings.createStringBinding(() -> vm.findProperty().get().isBlank() ? ""
                : vm.matchCountProperty().get() == 1 ? "1 stretch" : vm.matchCountProperty().get() + " stretches",
                vm.findProperty(), vm.matchCountProperty()));
        Button previous = new Button("Previous");
        previous.setOnAction(e -> vm.findPrevious());
        Button next = new Button("Next");
        next.setOnAction(e -> vm.findNext());
        previous.disableProperty().bind(vm.matchCountProperty().isEqualTo(0));
        next.disableProperty().bind(vm.matchCountProperty().isEqualTo(0));
        Button copy = new Button("Copy transcript");
        copy.setId("copyTranscript");
        copy.disableProperty().bind(Bindings.isEmpty(vm.entries()));
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(vm.plainText());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
        });
        HBox findBar = new HBox(8, find, count, previous, next, copy);
        findBar.setAlignment(Pos.CENTER_LEFT);
        find.textProperty().addListener((o, was, now) -> stopPlayback());

        Button play1 = new Button("Play 1×");
        play1.setId("play1");
        play1.setOnAction(e -> play(1));
        Button play4 = new Button("Play 4×");
        play4.setOnAction(e -> play(4));
        Button all = new Button("Show all");
        all.setId("showAll");
        all.setOnAction(e -> {
            stopPlayback();
            vm.showAll();
        });
        for (Button b : List.of(play1, play4, all)) {
            b.disableProperty().bind(Bindings.isEmpty(vm.entries()));
        }
        Button mark = new Button("Bookmark this moment");
        mark.setId("bookmarkMoment");
        mark.setTooltip(new Tooltip("Bookmark the session's event this stretch belongs to, with where in the"
                + " transcript it is: a signed entry in the case journal"));
        mark.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        mark.setOnAction(e -> {
            Transcript.Entry at = list.getSelectionModel().getSelectedItem();
            Hit h = at == null ? null : vm.eventAt(at);
            if (h != null) {
                bookmark.accept(h, vm.moment(at));
                marked.setText("Bookmarked " + h.bundleId() + ":" + h.seq() + " — see the Bookmarks tab");
            }
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox playBar = new HBox(8, play1, play4, all, gap, marked, mark);
        playBar.setAlignment(Pos.CENTER_LEFT);
        marked.getStyleClass().add("fact-name");

        list.setId("transcriptList");
        list.setItems(vm.shown());
        list.setCellFactory(l -> new EntryCell());
        list.setPlaceholder(new Label("No transcript: nothing typed is recorded for this session"));
        vm.foundProperty().addListener((o, was, now) -> {
            list.refresh();
            if (now.intValue() >= 0) {
                list.getSelectionModel().select(now.intValue());
                list.scrollTo(Math.max(0, now.intValue() - 2));
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        Label problem = new Label();
        problem.getStyleClass().add("transcript-problem");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.textProperty().bind(Bindings.createStringBinding(() -> !vm.errorProperty().get().isEmpty()
                ? vm.errorProperty().get() : vm.loadingProperty().get() ? "Reading the session…" : "",
                vm.errorProperty(), vm.loadingProperty()));
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        VBox box = new VBox(8, title, facts, problem, findBar, list, playBar);
        box.setPadding(new Insets(12));
        box.getStyleClass().add("session-window");
        Scene scene = new Scene(box);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        scene.getStylesheets().add(SessionWindow.class.getResource("transcript.css").toExternalForm());
        stage.setScene(scene);
        stage.setOnHidden(e -> stopPlayback());
        // fits a 1366 × 768 screen with room for the window's frame
        Rectangle2D usable = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(1000, usable.getWidth() - 40));
        stage.setHeight(Math.min(720, usable.getHeight() - 40));
        showFacts();
    }

    /** Plays the recording from its start at {@code speed} times its own pace (pauses cut short). */
    private void play(int speed) {
        stopPlayback();
        vm.reveal(java.time.Duration.ZERO);
        playback = new AnimationTimer() {
            private long start = -1;

            @Override
            public void handle(long now) {
                if (start < 0) {
                    start = now;
                }
                boolean done = vm.reveal(java.time.Duration.ofNanos((now - start) * speed));
                if (!vm.shown().isEmpty()) {
                    list.scrollTo(vm.shown().size() - 1);
                }
                if (done) {
                    stop();
                }
            }
        };
        playback.start();
    }

    private void stopPlayback() {
        if (playback != null) {
            playback.stop();
            playback = null;
        }
    }

    private void showFacts() {
        facts.getChildren().clear();
        int row = 0;
        for (String[] f : vm.facts()) {
            Label n = new Label(f[0]);
            n.getStyleClass().add("fact-name");
            Label v = new Label(f[1]);
            v.getStyleClass().add("fact-value");
            v.setWrapText(true);
            v.setMinHeight(Region.USE_PREF_SIZE);
            facts.addRow(row++, n, v);
        }
    }

    /** One stretch: its time on the left, its text on the right; input marked, the found one highlighted. */
    private final class EntryCell extends ListCell<Transcript.Entry> {
        private final Label when = new Label();
        private final Label text = new Label();
        private final HBox row = new HBox(12, when, text);

        EntryCell() {
            when.getStyleClass().add("transcript-time");
            text.getStyleClass().add("transcript-text");
            when.setMinWidth(Region.USE_PREF_SIZE);
            text.setWrapText(true);
            text.setMinHeight(Region.USE_PREF_SIZE);
            text.maxWidthProperty().bind(list.widthProperty().subtract(230));
            setPrefWidth(0); // wrap to the list's width instead of scrolling sideways
        }

        @Override
        protected void updateItem(Transcript.Entry e, boolean empty) {
            super.updateItem(e, empty);
            getStyleClass().removeAll("transcript-input", "transcript-output", "transcript-error", "transcript-found");
            if (empty || e == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            when.setText(vm.when(e));
            text.setText(e.kind() == Transcript.Kind.INPUT ? "$ " + e.text() : e.text());
            getStyleClass().add(switch (e.kind()) {
                case INPUT -> "transcript-input";
                case OUTPUT -> "transcript-output";
                case ERROR -> "transcript-error";
            });
            if (vm.matches(getIndex())) {
                getStyleClass().add("transcript-found");
            }
            setGraphic(row);
            setText(null);
        }
    }
}
