package io.sealtrail.app.ui.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/**
 * A scripted burst of zooming and panning, as fast as a user spinning the wheel and dragging (a step every
 * {@value #STEP_MS} ms), for measuring pulse times on a large case: zoom in around a point, drag, zoom in
 * further, pan with the keys' step, zoom out, show all. Reports the {@link PulseMeter} summary and how long
 * the ticks took to catch up after the last step. FX thread only.
 */
public final class ZoomRun {
    static final int STEP_MS = 40;

    private ZoomRun() {
    }

    /** Runs the burst with a meter of its own, then gives the view's back. */
    public static void run(TimelineView view, Consumer<String> done) {
        PulseMeter meter = new PulseMeter();
        TimelineViewModel vm = view.viewModel();
        double w = vm.scaleProperty().get().width();
        List<Runnable> steps = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            steps.add(() -> vm.zoom(1.25, w * 0.3));
        }
        for (int i = 0; i < 30; i++) {
            steps.add(() -> vm.pan(-25));
        }
        for (int i = 0; i < 10; i++) {
            steps.add(() -> vm.zoom(1.25, w * 0.6));
        }
        for (int i = 0; i < 20; i++) {
            steps.add(() -> vm.pan(w / 6));
        }
        for (int i = 0; i < 35; i++) {
            steps.add(() -> vm.zoom(0.8, w * 0.5));
        }
        steps.add(vm::reset);
        for (int i = 0; i < 12; i++) {
            steps.add(() -> vm.zoom(1.25, w * 0.7));
        }
        view.measureWith(meter);
        meter.start();
        Timeline t = new Timeline();
        for (int i = 0; i < steps.size(); i++) {
            Runnable s = steps.get(i);
            t.getKeyFrames().add(new KeyFrame(Duration.millis((i + 1) * STEP_MS), e -> s.run()));
        }
        t.setOnFinished(e -> waitForTicks(vm, meter, System.nanoTime(), steps.size(), summary -> {
            view.measureWith(view.meter());
            done.accept(summary);
        }));
        t.play();
    }

    private static void waitForTicks(TimelineViewModel vm, PulseMeter meter, long since, int steps, Consumer<String> done) {
        if (vm.ticksCurrent() || System.nanoTime() - since > 30_000_000_000L) {
            meter.stop();
            done.accept(String.format("%d zoom/pan steps %d ms apart; ticks current %.0f ms after the last; %s", steps,
                    STEP_MS, (System.nanoTime() - since) / 1e6, meter.summary()));
            return;
        }
        Timeline poll = new Timeline(new KeyFrame(Duration.millis(10)));
        poll.setOnFinished(e -> waitForTicks(vm, meter, since, steps, done));
        poll.play();
    }
}
