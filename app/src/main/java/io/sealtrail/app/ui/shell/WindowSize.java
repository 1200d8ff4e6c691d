package io.sealtrail.app.ui.shell;

import javafx.geometry.Rectangle2D;

/**
 * How big the window opens: 1366 × 820 where that fits, else as large as the screen's usable area (without the
 * task bar), so a 1366 × 768 laptop shows the whole window, its menu and its status bar, with no part off screen.
 * The sizes include the window's title bar and borders.
 */
record WindowSize(double x, double y, double width, double height) {
    static final double PREFERRED_WIDTH = 1366;
    static final double PREFERRED_HEIGHT = 820;

    /** Centred in {@code usable} (the screen's visual bounds), never larger than it. */
    static WindowSize fit(Rectangle2D usable) {
        double w = Math.min(PREFERRED_WIDTH, usable.getWidth());
        double h = Math.min(PREFERRED_HEIGHT, usable.getHeight());
        return new WindowSize(usable.getMinX() + (usable.getWidth() - w) / 2, usable.getMinY() + (usable.getHeight() - h) / 2,
                w, h);
    }

    boolean within(Rectangle2D usable) {
        return x >= usable.getMinX() && y >= usable.getMinY() && x + width <= usable.getMaxX() && y + height <= usable.getMaxY();
    }
}
