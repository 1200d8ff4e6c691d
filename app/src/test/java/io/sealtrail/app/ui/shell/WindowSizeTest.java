package io.sealtrail.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** The window opens within the screen's usable area, however small. */
class WindowSizeTest {

    @Test
    void onA1366By768LaptopWithATaskBarTheWholeWindowIsOnScreen() {
        Rectangle2D usable = new Rectangle2D(0, 0, 1366, 728);
        WindowSize s = WindowSize.fit(usable);
        assertThat(s.within(usable)).isTrue();
        assertThat(s.width()).isEqualTo(1366);
        assertThat(s.height()).isEqualTo(728);
    }

    @Test
    void onALargeScreenItOpensAtItsPreferredSizeCentred() {
        Rectangle2D usable = new Rectangle2D(0, 30, 2560, 1410);
        WindowSize s = WindowSize.fit(usable);
        assertThat(s.width()).isEqualTo(WindowSize.PREFERRED_WIDTH);
        assertThat(s.height()).isEqualTo(WindowSize.PREFERRED_HEIGHT);
        assertThat(s.x() + s.width() / 2).isEqualTo(1280);
        assertThat(s.y() + s.height() / 2).isEqualTo(30 + 705);
    }
}
