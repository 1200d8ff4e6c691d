package io.sealtrail.app.ui;

import javafx.animation.AnimationTimer;

/** Running work once the window has drawn what it has now, so the work does not compete with that drawing. */
final class Frames {
    private Frames() {
    }

    /**
     * Runs {@code r} on the FX thread at the {@code n}th pulse from now. A pulse waits until the previous one is
     * rendered, so with n = 2 the current scene is on screen (or on its way) when {@code r} runs.
     */
    static void afterPulses(int n, Runnable r) {
        new AnimationTimer() {
            private int seen;

            @Override
            public void handle(long now) {
                if (++seen >= n) {
                    stop();
                    r.run();
                }
            }
        }.start();
    }
}
