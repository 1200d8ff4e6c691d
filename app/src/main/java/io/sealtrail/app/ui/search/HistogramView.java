package io.sealtrail.app.ui.search;

import io.sealtrail.index.Bucket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * Matches over time as bars on a canvas, gaps filled with empty buckets; a click on a bar hands its
 * bucket to {@link #setOnBucket}. Only draws: the buckets come from {@link SearchViewModel}.
 */
public final class HistogramView extends Region {
    private DateTimeFormatter label = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final double AXIS = 16;

    private final Canvas canvas = new Canvas();
    private final Tooltip tip = new Tooltip();
    private List<Bucket> slots = List.of();
    private Duration interval = Duration.ofHours(1);
    private Consumer<Bucket> onBucket = b -> { };
    private java.util.function.BiConsumer<Instant, Instant> onRange = (a, b) -> { };
    /** Where a drag started, and where it is now; NaN when no drag is on. */
    private double dragFrom = Double.NaN;
    private double dragTo = Double.NaN;

    public HistogramView() {
        getStyleClass().add("histogram");
        getChildren().add(canvas);
        canvas.setOnMousePressed(e -> {
            dragFrom = e.getX();
            dragTo = Double.NaN;
        });
        canvas.setOnMouseDragged(e -> {
            dragTo = Math.max(0, Math.min(getWidth() - 1, e.getX()));
            draw();
        });
        canvas.setOnMouseReleased(e -> {
            boolean dragged = !Double.isNaN(dragTo) && Math.abs(dragTo - dragFrom) > 4;
            double a = Math.min(dragFrom, dragTo);
            double b = Math.max(dragFrom, dragTo);
            dragFrom = Double.NaN;
            dragTo = Double.NaN;
            draw();
            if (dragged) {
                Bucket first = at(a);
                Bucket last = at(b);
                if (first != null && last != null) {
                    onRange.accept(first.start(), last.start().plus(interval));
                }
            }
        });
        canvas.setOnMouseClicked(e -> {
            if (!e.isStillSincePress()) {
                return; // the end of a drag, handled on release
            }
            Bucket b = at(e.getX());
            if (b != null && b.count() > 0) {
                onBucket.accept(b);
            }
        });
        // one tooltip for the canvas, its text following the bar under the mouse
        tip.setShowDelay(javafx.util.Duration.millis(150));
        tip.setId("histogramTip");
        canvas.setOnMouseMoved(e -> {
            Bucket b = at(e.getX());
            if (b == null) {
                Tooltip.uninstall(canvas, tip);
            } else {
                tip.setText(describe(b, interval, label));
                Tooltip.install(canvas, tip);
            }
        });
    }

    public void setOnBucket(Consumer<Bucket> onBucket) {
        this.onBucket = onBucket;
    }

    /** A drag across the bars selects the time range [from, to) of the buckets it covers. */
    public void setOnRange(java.util.function.BiConsumer<Instant, Instant> onRange) {
        this.onRange = onRange;
    }

    /** Shows these non-empty buckets of this width, filling the gaps between them. */
    public void show(List<Bucket> buckets, Duration interval) {
        this.interval = interval;
        List<Bucket> filled = new ArrayList<>();
        if (!buckets.isEmpty()) {
            Instant t = buckets.get(0).start();
            int i = 0;
            while (i < buckets.size() && filled.size() < 10_000) {
                Bucket b = buckets.get(i);
                if (b.start().equals(t)) {
                    filled.add(b);
                    i++;
                } else {
                    filled.add(new Bucket(t, 0));
                }
                t = t.plus(interval);
            }
        }
        slots = filled;
        draw();
    }

    /** The bucket under an x position, or null. */
    Bucket at(double x) {
        if (slots.isEmpty() || getWidth() <= 0) {
            return null;
        }
        int i = (int) (x / (getWidth() / slots.size()));
        return i >= 0 && i < slots.size() ? slots.get(i) : null;
    }

    public List<Bucket> slots() {
        return slots;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        g.setFill(Color.web("#f6f8fa"));
        g.fillRect(0, 0, w, h);
        g.setFont(Font.font(11));
        if (slots.isEmpty()) {
            g.setFill(Color.web("#6a737d"));
            g.fillText("No matches to chart", 8, h / 2);
            return;
        }
        long max = slots.stream().mapToLong(Bucket::count).max().orElse(1);
        double barW = w / slots.size();
        double plot = h - AXIS - 4;
        g.setFill(Color.web("#4f7fbf"));
        for (int i = 0; i < slots.size(); i++) {
            long c = slots.get(i).count();
            if (c > 0) {
                double bh = Math.max(2, plot * c / (double) max);
                g.fillRect(i * barW + (barW > 3 ? 0.5 : 0), 4 + plot - bh, Math.max(1, barW - (barW > 3 ? 1 : 0)), bh);
            }
        }
        if (!Double.isNaN(dragFrom) && !Double.isNaN(dragTo)) {
            g.setFill(Color.web("#1f6feb", 0.18));
            g.fillRect(Math.min(dragFrom, dragTo), 0, Math.abs(dragTo - dragFrom), h - AXIS);
        }
        g.setStroke(Color.web("#c8ced6"));
        g.strokeLine(0, h - AXIS, w, h - AXIS);
        g.setFill(Color.web("#57606a"));
        g.fillText(label.format(slots.get(0).start()), 4, h - 4);
        String end = label.format(slots.get(slots.size() - 1).start().plus(interval));
        g.fillText(end, Math.max(120, w - 6.2 * end.length() - 6), h - 4);
        String mid = String.format("max %,d per %s", max, human(interval));
        g.fillText(mid, w / 2 - 3 * mid.length(), h - 4);
    }

    /**
     * A bar in words: its whole time range in the zone shown (the end exclusive, its date only when it differs) and
     * its count: {@code 2026-03-02 06:00 – 06:30 UTC: 1,111 events}.
     */
    static String describe(Bucket b, Duration interval, DateTimeFormatter minutes) {
        // bars of seconds (a drill-down's few minutes) say their seconds
        DateTimeFormatter label = interval.toSecondsPart() == 0 ? minutes
                : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(minutes.getZone());
        String from = label.format(b.start());
        String to = label.format(b.start().plus(interval));
        if (to.substring(0, 10).equals(from.substring(0, 10))) {
            to = to.substring(11);
        }
        java.time.ZoneId z = label.getZone();
        String zone = z == null || ZoneOffset.UTC.equals(z) ? "UTC" : z.getId();
        String what = b.count() == 0 ? "no events" : String.format("%,d event%s", b.count(), b.count() == 1 ? "" : "s");
        return from + " – " + to + " " + zone + ": " + what
                + (b.count() == 0 ? "" : "\nClick to narrow to it, drag across bars to select a range");
    }

    static String human(Duration d) {
        if (d.toDays() > 0 && d.toHoursPart() == 0) {
            return d.toDays() + (d.toDays() == 1 ? " day" : " days");
        }
        if (d.toHours() > 0 && d.toMinutesPart() == 0) {
            return d.toHours() + " h";
        }
        return d.toMinutes() == 0 ? d.toSeconds() + " s" : d.toMinutes() + " min";
    }

    /** Labels times in this zone from now on (buckets stay aligned to UTC, as the index counts them). */
    public void setZone(java.time.ZoneId zone) {
        label = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        draw();
    }
}
