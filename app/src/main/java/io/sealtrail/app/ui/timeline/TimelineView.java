package io.sealtrail.app.ui.timeline;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Parent;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * The Timeline view (built in code, it is small; the window shell puts it in its Timeline tab): a tool bar (lanes by user or target, zoom, the visible
 * range), the {@link TimelineCanvas} with a scroll bar for lanes that do not fit, and a legend. Keys: + and
 * − zoom, ← and → pan, 0 shows everything, ↑ and ↓ scroll the lanes. A session bar's right-click menu opens the
 * session's window too. A click opens the session or the
 * bucket's events in the Search tab ({@code showSearch}).
 */
public final class TimelineView {
    private static final System.Logger LOG = System.getLogger(TimelineView.class.getName());
    private static final double ZOOM_STEP = 1.5;

    private final TimelineViewModel vm;
    private final TimelineCanvas canvas;
    private final BorderPane root = new BorderPane();
    private final ObservableBooleanValue shown;
    private final ScrollBar laneScroll = new ScrollBar();
    private final PulseMeter meter = new PulseMeter();

    /**
     * @param shown      whether the view is on screen (its tab is selected): it draws and follows the search only then
     * @param showSearch brings the Search view to the front
     */
    public TimelineView(TimelineViewModel vm, ObservableBooleanValue shown, Runnable showSearch) {
        this(vm, shown, showSearch, id -> { });
    }

    /**
     * @param openSession opens a session's window (transcript and all) by its id: a session bar's menu offers it
     */
    public TimelineView(TimelineViewModel vm, ObservableBooleanValue shown, Runnable showSearch,
                        java.util.function.Consumer<String> openSession) {
        this.vm = vm;
        this.shown = shown;
        this.canvas = new TimelineCanvas(vm);
        canvas.setId("timelineCanvas");
        canvas.setOnOpen(hit -> {
            vm.open(hit);
            showSearch.run();
        });
        canvas.setOnContextMenuRequested(e -> canvas.hitAt(e.getX(), e.getY()).ifPresent(hit -> {
            if (hit instanceof TimelineLayout.SessionHit s) {
                javafx.scene.control.MenuItem events = new javafx.scene.control.MenuItem("Show its events in Search");
                events.setOnAction(a -> {
                    vm.open(hit);
                    showSearch.run();
                });
                javafx.scene.control.MenuItem open = new javafx.scene.control.MenuItem("Open the session…");
                open.setOnAction(a -> openSession.accept(s.bar().session().sessionId()));
                new javafx.scene.control.ContextMenu(events, open).show(canvas, e.getScreenX(), e.getScreenY());
                e.consume();
            }
        }));
        root.getStyleClass().add("timeline-view");
        root.setTop(toolBar());
        HBox middle = new HBox(canvas, laneScroll);
        HBox.setHgrow(canvas, Priority.ALWAYS);
        canvas.setMinSize(200, 120);
        root.setCenter(middle);
        root.setBottom(legend());
        setUpLaneScroll();
        root.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        if (PulseMeter.enabled()) {
            logPulses();
        }
        shown.addListener((o, was, now) -> {
            vm.setActive(now);
            if (now) {
                canvas.requestFocus();
            }
        });
    }

    /** With {@value PulseMeter#PROPERTY}: every ten seconds in which the timeline was drawn, log pulse and draw times. */
    private void logPulses() {
        measureWith(meter);
        meter.start();
        javafx.animation.Timeline every = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
                javafx.util.Duration.seconds(10), e -> {
                    if (shown.get() && !meter.summary().contains("draws: none")) {
                        LOG.log(System.Logger.Level.INFO, "timeline " + meter.summary());
                    }
                    meter.reset();
                }));
        every.setCycleCount(javafx.animation.Animation.INDEFINITE);
        every.play();
    }

    /** Reports draw and background times to this meter from now on (a scripted run brings its own). */
    public void measureWith(PulseMeter m) {
        canvas.setMeter(m);
        vm.setTimings((kind, nanos) -> {
            m.fetch(kind, nanos);
            if (kind.equals("load")) {
                LOG.log(System.Logger.Level.INFO, String.format("timeline load (lanes, sessions, extent): %.0f ms", nanos / 1e6));
            }
        });
    }

    /** The pulse meter ({@value PulseMeter#PROPERTY}); measures nothing unless started. */
    public PulseMeter meter() {
        return meter;
    }

    private Node toolBar() {
        Label by = new Label("Lanes by");
        ToggleGroup group = new ToggleGroup();
        ToggleButton user = new ToggleButton("User");
        user.setId("lanesByUser");
        ToggleButton target = new ToggleButton("Target");
        target.setId("lanesByTarget");
        user.setToggleGroup(group);
        target.setToggleGroup(group);
        user.setSelected(vm.groupingProperty().get() == TimelineViewModel.Grouping.USER);
        target.setSelected(!user.isSelected());
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one of the two is always chosen
            } else {
                vm.groupingProperty().set(now == user ? TimelineViewModel.Grouping.USER : TimelineViewModel.Grouping.TARGET);
            }
        });
        Button out = button("−", "Zoom out (−, or the mouse wheel)", () -> vm.zoom(1 / ZOOM_STEP));
        Button in = button("+", "Zoom in (+, or the mouse wheel over the time to zoom to)", () -> vm.zoom(ZOOM_STEP));
        Button all = button("Show all", "Show every matching event again (0)", vm::reset);
        all.setId("timelineReset");
        Label range = new Label();
        range.setId("timelineRange");
        range.getStyleClass().add("hint");
        range.textProperty().bind(Bindings.createStringBinding(() -> vm.lanesProperty().get().isEmpty() ? ""
                : vm.scaleProperty().get().describe(vm.zone()), vm.scaleProperty(), vm.lanesProperty(), vm.zoneProperty()));
        Label status = new Label();
        status.setId("timelineStatus");
        status.getStyleClass().add("search-status");
        status.textProperty().bind(vm.statusProperty());
        // the status gives way to the controls by wrapping onto a second line, never by an ellipsis
        status.setMinWidth(160);
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        Tooltip full = new Tooltip();
        full.textProperty().bind(vm.statusProperty());
        status.setTooltip(full);
        for (Region fixed : List.of(by, user, target, out, in, all, range)) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, by, user, target, spacer(12), out, in, all, spacer(12), status, gap, range);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 10, 6, 10));
        return bar;
    }

    private static Region spacer(double w) {
        Region r = new Region();
        r.setMinWidth(w);
        return r;
    }

    private static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false); // keys belong to the canvas
        return b;
    }

    private Node legend() {
        HBox box = new HBox(14,
                swatch(TimelineCanvas.SESSION, 18, 9, "session"),
                swatch(TimelineCanvas.SESSION_SOME_FAILED, 18, 9, "with failures or denials"),
                swatch(TimelineCanvas.SESSION_FAILED, 18, 9, "a quarter or more failed"),
                swatch(TimelineCanvas.TICK, 3, 12, "events (taller: more)"),
                swatch(TimelineCanvas.TICK_FAILED, 3, 12, "failed"),
                swatch(TimelineCanvas.TICK_DENIED, 3, 12, "denied"));
        Label hint = new Label("Wheel: zoom · drag: pan · keys + − 0 ← → ↑ ↓ · click: show in Search");
        hint.getStyleClass().add("hint");
        hint.setMinWidth(160);
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        box.getChildren().addAll(gap, hint);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(6, 10, 8, 10));
        return box;
    }

    private static Node swatch(Color c, double w, double h, String text) {
        Label l = new Label(text, new Rectangle(w, h, c));
        l.setGraphicTextGap(6);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private void setUpLaneScroll() {
        laneScroll.setOrientation(Orientation.VERTICAL);
        laneScroll.setMin(0);
        laneScroll.valueProperty().addListener((o, was, now) -> canvas.scrollLanesTo((int) Math.round(now.doubleValue())));
        canvas.setOnLayout(this::updateLaneScroll);
        vm.lanesProperty().addListener((o, was, now) -> updateLaneScroll());
        updateLaneScroll();
    }

    private void updateLaneScroll() {
        TimelineLayout lay = canvas.geometry();
        int hidden = Math.max(0, lay.lanes() - lay.visibleLanes());
        laneScroll.setVisible(hidden > 0 && canvas.getHeight() > 0);
        laneScroll.setManaged(laneScroll.isVisible());
        laneScroll.setMax(Math.max(0, hidden));
        laneScroll.setVisibleAmount(Math.max(1, lay.visibleLanes()));
        laneScroll.setUnitIncrement(1);
        laneScroll.setBlockIncrement(Math.max(1, lay.visibleLanes() - 1));
        if (laneScroll.getValue() != lay.firstLane()) {
            laneScroll.setValue(lay.firstLane());
        }
    }

    private void key(KeyEvent e) {
        double panStep = vm.scaleProperty().get().width() / 6;
        switch (e.getCode()) {
            case PLUS, ADD, EQUALS -> vm.zoom(ZOOM_STEP);
            case MINUS, SUBTRACT -> vm.zoom(1 / ZOOM_STEP);
            case DIGIT0, NUMPAD0 -> vm.reset();
            case LEFT -> vm.pan(panStep);
            case RIGHT -> vm.pan(-panStep);
            case UP -> canvas.scrollLanesTo(canvas.firstLane() - 1);
            case DOWN -> canvas.scrollLanesTo(canvas.firstLane() + 1);
            case PAGE_UP -> canvas.scrollLanesTo(canvas.firstLane() - canvas.geometry().visibleLanes());
            case PAGE_DOWN -> canvas.scrollLanesTo(canvas.firstLane() + canvas.geometry().visibleLanes());
            default -> {
                return;
            }
        }
        e.consume();
    }

    public Parent root() {
        return root;
    }

    public TimelineCanvas canvas() {
        return canvas;
    }

    public TimelineViewModel viewModel() {
        return vm;
    }

    /** The lane names as drawn, top to bottom (for tests and the screenshot tour). */
    public List<String> laneNames() {
        return vm.laneNames();
    }
}
