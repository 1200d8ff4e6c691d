package io.sealtrail.app.ui.timeline;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import javafx.application.Platform;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

/**
 * Draws the timeline of a {@link TimelineViewModel} on one canvas and turns mouse gestures into its calls:
 * the wheel zooms around the cursor, a drag pans, a click opens what is under the mouse, hovering shows a
 * tooltip. Draws only what is visible, at most once per pulse; never calls the index.
 */
public final class TimelineCanvas extends Region {
    static final Color BACKGROUND = Color.WHITE;
    static final Color STRIPE = Color.web("#f6f8fa");
    static final Color GRID = Color.web("#e4e8ec");
    static final Color AXIS_TEXT = Color.web("#57606a");
    static final Color LANE_TEXT = Color.web("#1f2328");
    static final Color SESSION = Color.web("#8fb3e0");
    static final Color SESSION_SOME_FAILED = Color.web("#f0b86e");
    static final Color SESSION_FAILED = Color.web("#d1242f");
    static final Color TICK = Color.web("#8c9bb0");
    static final Color TICK_FAILED = Color.web("#e8772e");
    static final Color TICK_DENIED = Color.web("#cf222e");
    private static final Font LANE_FONT = Font.font("System", FontWeight.NORMAL, 12);
    /** The lane of events without a user or target: its name is a label, so it looks like one. */
    private static final Font UNNAMED_FONT = Font.font("System", FontWeight.NORMAL, javafx.scene.text.FontPosture.ITALIC, 12);
    private static final Font SMALL = Font.font("System", 10.5);
    private static final double LABEL_MIN = 110;
    private static final double LABEL_MAX = 220;
    /** Time-axis labels at least this far apart. */
    private static final double LABEL_SPACING = 120;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final TimelineViewModel vm;
    private final Canvas canvas = new Canvas();
    private final Tooltip tip = new Tooltip();
    private double labelWidth = LABEL_MIN;
    private final java.util.Map<String, String> shortNames = new java.util.HashMap<>();
    private int firstLane;
    private boolean drawPending;
    private double pressX;
    private double lastX;
    private boolean dragged;
    private TimelineLayout.Hit hover;
    private Consumer<TimelineLayout.Hit> onOpen = h -> { };
    private Runnable onLayout = () -> { };
    private PulseMeter meter;

    public TimelineCanvas(TimelineViewModel vm) {
        this.vm = vm;
        getStyleClass().add("timeline-canvas");
        getChildren().add(canvas);
        setFocusTraversable(true);
        tip.setShowDelay(Duration.millis(150));
        tip.setShowDuration(Duration.seconds(30));
        vm.lanesProperty().addListener((o, was, now) -> {
            labelWidth = labelWidth(now);
            shortNames.clear();
            now.forEach(l -> shortNames.put(l.name(), shortNames.getOrDefault(l.name(), l.name())));
            firstLane = 0;
            requestLayout();
            requestDraw();
        });
        vm.ticksProperty().addListener((o, was, now) -> requestDraw());
        vm.scaleProperty().addListener((o, was, now) -> requestDraw());
        vm.selectedSessionProperty().addListener((o, was, now) -> requestDraw());
        vm.statusProperty().addListener((o, was, now) -> requestDraw());
        vm.zoneProperty().addListener((o, was, now) -> requestDraw());
        setUpMouse();
    }

    private void setUpMouse() {
        canvas.setOnScroll(e -> {
            if (e.getDeltaY() != 0 && !e.isShiftDown()) { // a wheel notch forward zooms in by a quarter
                double notches = e.getDeltaY() / (e.getMultiplierY() > 0 ? e.getMultiplierY() : 40);
                vm.zoom(Math.pow(1.25, notches), e.getX() - labelWidth);
            } else {
                vm.pan(e.isShiftDown() && e.getDeltaX() == 0 ? e.getDeltaY() : e.getDeltaX());
            }
            e.consume();
        });
        canvas.setOnMousePressed(e -> {
            requestFocus();
            pressX = e.getX();
            lastX = e.getX();
            dragged = false;
            e.consume(); // or the TabPane around it takes the focus back, and the keys with it
        });
        canvas.setOnMouseDragged(e -> {
            if (Math.abs(e.getX() - pressX) > 3) {
                dragged = true;
            }
            if (dragged) {
                vm.pan(e.getX() - lastX);
                lastX = e.getX();
                Tooltip.uninstall(canvas, tip);
            }
        });
        canvas.setOnMouseClicked(e -> {
            if (!dragged && e.getButton() == MouseButton.PRIMARY) {
                hitAt(e.getX(), e.getY()).ifPresent(onOpen);
            }
        });
        canvas.setOnMouseMoved(e -> hover(hitAt(e.getX(), e.getY()).orElse(null)));
        canvas.setOnMouseExited(e -> hover(null));
    }

    private void hover(TimelineLayout.Hit h) {
        if (java.util.Objects.equals(h, hover)) {
            return;
        }
        hover = h;
        if (h == null) {
            Tooltip.uninstall(canvas, tip);
        } else {
            tip.setText(TimelineText.describe(h, vm.zone()));
            Tooltip.install(canvas, tip);
        }
        requestDraw();
    }

    /** What a click at canvas point (x, y) would open. */
    public Optional<TimelineLayout.Hit> hitAt(double x, double y) {
        return geometry().hit(x, y, vm.lanesProperty().get(), vm.ticksProperty().get(), vm.scaleProperty().get());
    }

    public void setOnOpen(Consumer<TimelineLayout.Hit> onOpen) {
        this.onOpen = onOpen;
    }

    /** Called after each layout pass (the lane scroll bar follows it). */
    void setOnLayout(Runnable onLayout) {
        this.onLayout = onLayout;
    }

    /** Tells this meter how long each draw took (the pulse log); null for none. */
    public void setMeter(PulseMeter meter) {
        this.meter = meter;
    }

    public TimelineLayout geometry() {
        return new TimelineLayout(getWidth(), getHeight(), labelWidth, vm.lanesProperty().get().size(), firstLane);
    }

    public double labelWidth() {
        return labelWidth;
    }

    /** Scrolls the lanes so that this one is at the top (clamped). */
    public void scrollLanesTo(int lane) {
        int clamped = new TimelineLayout(getWidth(), getHeight(), labelWidth, vm.lanesProperty().get().size(), lane).firstLane();
        if (clamped != firstLane) {
            firstLane = clamped;
            requestDraw();
            onLayout.run();
        }
    }

    public int firstLane() {
        return geometry().firstLane();
    }

    private static double labelWidth(List<Lane> lanes) {
        Text t = new Text();
        t.setFont(LANE_FONT);
        double w = 0;
        for (Lane l : lanes) {
            t.setText(l.name());
            w = Math.max(w, t.getLayoutBounds().getWidth());
        }
        return Math.max(LABEL_MIN, Math.min(LABEL_MAX, Math.ceil(w) + 20));
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        vm.setPlotWidth(Math.max(1, getWidth() - labelWidth));
        onLayout.run();
        requestDraw();
    }

    /** Draws before the next pulse, once however many changes came in. */
    void requestDraw() {
        if (!drawPending) {
            drawPending = true;
            Platform.runLater(() -> {
                drawPending = false;
                draw();
            });
        }
    }

    void draw() {
        long t0 = System.nanoTime();
        long cpu0 = meter == null ? 0 : THREADS.getCurrentThreadCpuTime();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, w, h);
        List<Lane> lanes = vm.lanesProperty().get();
        TimeScale scale = vm.scaleProperty().get();
        TimelineLayout lay = geometry();
        if (lanes.isEmpty() || scale.width() <= 0) {
            g.setFill(AXIS_TEXT);
            g.setFont(LANE_FONT);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(vm.statusProperty().get(), w / 2, h / 2);
            g.setTextAlign(TextAlignment.LEFT);
            return;
        }
        int first = lay.firstLane();
        int last = Math.min(lanes.size(), first + lay.visibleLanes());
        double bottom = lay.laneTop(last);
        for (int i = first; i < last; i++) {
            if (i % 2 == 1) {
                g.setFill(STRIPE);
                g.fillRect(0, lay.laneTop(i), w, lay.laneHeight());
            }
        }
        drawAxis(g, lay, scale, bottom);
        g.save();
        g.beginPath();
        g.rect(labelWidth, TimelineLayout.AXIS, lay.plotWidth(), h - TimelineLayout.AXIS);
        g.clip();
        long maxCount = 1;
        Ticks ticks = vm.ticksProperty().get();
        for (int i = first; i < last; i++) {
            maxCount = Math.max(maxCount, visibleMax(ticks.of(lanes.get(i)), scale));
        }
        for (int i = first; i < last; i++) {
            drawTicks(g, lay, i, ticks.of(lanes.get(i)), ticks.intervalMicros(), scale, maxCount);
            drawBars(g, lay, i, lanes.get(i), scale);
        }
        g.restore();
        drawLabels(g, lay, lanes, first, last);
        if (meter != null) {
            meter.draw(System.nanoTime() - t0, THREADS.getCurrentThreadCpuTime() - cpu0);
        }
    }

    private void drawAxis(GraphicsContext g, TimelineLayout lay, TimeScale scale, double bottom) {
        g.setStroke(GRID);
        g.setLineWidth(1);
        g.setFont(SMALL);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(AXIS_TEXT);
        for (TimeScale.AxisTick t : scale.ticks(LABEL_SPACING, vm.zone())) {
            double x = Math.round(labelWidth + t.x()) + 0.5;
            g.strokeLine(x, TimelineLayout.AXIS - 6, x, bottom);
            if (x + 4 + t.label().length() * 6.5 < lay.width()) { // no label cut off at the right edge
                g.fillText(t.label(), x + 4, TimelineLayout.AXIS / 2);
            }
        }
        g.setStroke(Color.web("#c8ced6"));
        g.strokeLine(0, TimelineLayout.AXIS - 0.5, lay.width(), TimelineLayout.AXIS - 0.5);
        g.strokeLine(labelWidth - 0.5, 0, labelWidth - 0.5, bottom);
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, labelWidth - 1, TimelineLayout.AXIS - 1);
        g.setFill(AXIS_TEXT);
        String many = vm.groupingProperty().get().many;
        g.fillText(corner(Character.toUpperCase(many.charAt(0)) + many.substring(1), scale.offsetName(vm.zone())), 8,
                TimelineLayout.AXIS / 2);
        g.setTextBaseline(VPos.BASELINE);
    }

    /**
     * The corner above the lane names: "Users · times UTC-05:00" where that fits the names' width, else without
     * "times", else the lanes' name alone; never drawn over the first tick (the range above names the zone).
     */
    private String corner(String lanes, String offset) {
        for (String c : List.of(lanes + " · times " + offset, lanes + " · " + offset)) {
            javafx.scene.text.Text t = new javafx.scene.text.Text(c);
            t.setFont(SMALL);
            if (t.getLayoutBounds().getWidth() + 12 <= labelWidth) {
                return c;
            }
        }
        return lanes;
    }

    private static long visibleMax(List<TickBucket> buckets, TimeScale scale) {
        long max = 0;
        for (int j = Math.max(0, TimelineLayout.floorIndex(buckets, scale.startMicros())); j < buckets.size(); j++) {
            TickBucket b = buckets.get(j);
            if (b.start() > scale.endMicros()) {
                break;
            }
            max = Math.max(max, b.all());
        }
        return max;
    }

    private void drawTicks(GraphicsContext g, TimelineLayout lay, int lane, List<TickBucket> buckets, long interval,
                           TimeScale scale, long maxCount) {
        double top = lay.ticksTop(lane);
        double height = lay.ticksHeight();
        double bw = interval / scale.microsPerPixel();
        double drawW = bw >= 3 ? bw - 1 : Math.max(1, bw);
        double logMax = Math.log1p(maxCount);
        double lastPx = Double.NEGATIVE_INFINITY;
        for (int j = Math.max(0, TimelineLayout.floorIndex(buckets, scale.startMicros())); j < buckets.size(); j++) {
            TickBucket b = buckets.get(j);
            if (b.start() > scale.endMicros()) {
                break;
            }
            double x = labelWidth + scale.x(b.start());
            boolean bad = b.failed() + b.denied() > 0;
            if (!bad && Math.floor(x) == lastPx) {
                continue; // finer buckets than pixels (old ticks while zoomed out): one per pixel is enough
            }
            lastPx = Math.floor(x);
            double th = height * (0.25 + 0.75 * Math.log1p(b.all()) / logMax);
            g.setFill(TICK);
            g.fillRect(x, top + height - th, drawW, th);
            if (bad) { // failed and denied stacked on top, in proportion but at least a pixel, so they show at any zoom
                double w = Math.max(2, drawW);
                double denied = b.denied() > 0 ? Math.max(1, th * b.denied() / b.all()) : 0;
                double failed = b.failed() > 0 ? Math.max(1, th * b.failed() / b.all()) : 0;
                double y = top + height - th;
                if (denied > 0) {
                    g.setFill(TICK_DENIED);
                    g.fillRect(x, y, w, denied);
                }
                if (failed > 0) {
                    g.setFill(TICK_FAILED);
                    g.fillRect(x, y + denied, w, Math.min(failed, th - denied));
                }
            }
        }
    }

    private void drawBars(GraphicsContext g, TimelineLayout lay, int laneIndex, Lane lane, TimeScale scale) {
        double plotW = lay.plotWidth();
        var selected = vm.selectedSessionProperty().get();
        for (int pass = 0; pass < 3; pass++) { // worse sessions later, on top
            int level = pass;
            // Per sub-row, the run of bars painted so far: bars that touch it within a pixel extend it, so a
            // zoomed-out lane of thousands of sessions costs a few rectangles, not one each.
            double[] runFrom = new double[TimelineLayout.MAX_SUB_ROWS];
            double[] runTo = new double[TimelineLayout.MAX_SUB_ROWS];
            java.util.Arrays.fill(runTo, Double.NEGATIVE_INFINITY);
            g.setFill(level == 0 ? SESSION : level == 1 ? SESSION_SOME_FAILED : SESSION_FAILED);
            for (Lane.Bar b : lane.bars()) {
                if (b.level() != level) {
                    continue;
                }
                double[] s = TimelineLayout.barSpan(b, scale);
                if (s[0] > plotW) {
                    break; // bars are in start order
                }
                if (s[1] < 0) {
                    continue;
                }
                int row = b.row();
                if (s[0] <= runTo[row] + 1) {
                    runTo[row] = Math.max(runTo[row], s[1]);
                } else {
                    fillRun(g, lay, laneIndex, lane.rows(), row, runFrom[row], runTo[row]);
                    runFrom[row] = s[0];
                    runTo[row] = s[1];
                }
            }
            for (int row = 0; row < lane.rows(); row++) {
                fillRun(g, lay, laneIndex, lane.rows(), row, runFrom[row], runTo[row]);
            }
        }
        for (Lane.Bar b : lane.bars()) { // outlines of the selected and the hovered session
            boolean isSelected = selected != null && b.session().sessionId().equals(selected.sessionId());
            boolean isHover = hover instanceof TimelineLayout.SessionHit sh && sh.bar().equals(b);
            if (isSelected || isHover) {
                double[] s = TimelineLayout.barSpan(b, scale);
                double[] r = lay.barRow(laneIndex, b.row(), lane.rows());
                g.setStroke(LANE_TEXT);
                g.setLineWidth(isSelected ? 2 : 1);
                g.strokeRect(labelWidth + s[0] - 0.5, r[0] - 0.5, s[1] - s[0] + 1, r[1] + 1);
            }
        }
    }

    private void fillRun(GraphicsContext g, TimelineLayout lay, int laneIndex, int rows, int row, double from, double to) {
        if (to > Double.NEGATIVE_INFINITY) {
            double[] r = lay.barRow(laneIndex, row, rows);
            g.fillRect(labelWidth + from, r[0], to - from, r[1]);
        }
    }

    private void drawLabels(GraphicsContext g, TimelineLayout lay, List<Lane> lanes, int first, int last) {
        g.setTextBaseline(VPos.CENTER);
        for (int i = first; i < last; i++) {
            Lane l = lanes.get(i);
            double y = lay.laneTop(i);
            double lh = lay.laneHeight();
            boolean two = lh >= 34;
            g.setFill(l.unnamed() ? AXIS_TEXT : LANE_TEXT);
            g.setFont(l.unnamed() ? UNNAMED_FONT : LANE_FONT);
            g.fillText(shortNames.getOrDefault(l.name(), l.name()), 8, y + (two ? lh / 2 - 6 : lh / 2));
            if (two) {
                g.setFill(AXIS_TEXT);
                g.setFont(SMALL);
                g.fillText(String.format("%,d events", l.events()), 8, y + lh / 2 + 8);
            }
        }
        g.setTextBaseline(VPos.BASELINE);
    }
}
