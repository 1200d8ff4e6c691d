package io.sealtrail.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Events per day, one stacked bar per UTC day, one colour per bundle, drawn with Java2D into an opaque RGB
 * image (headless-safe: no window, no toolkit). Uses the bundled DejaVu font, not whatever the system has.
 */
final class HistogramChart {
    static final Color[] PALETTE = {new Color(0x2b6cb0), new Color(0xdd8a2e), new Color(0x2f9e6e), new Color(0x8e5bb5),
            new Color(0xc2453d), new Color(0x4a9bb5)};

    private HistogramChart() {
    }

    static BufferedImage render(List<LocalDate> days, List<String> bundles, Map<String, long[]> perDay, int width,
                                int height) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            float scale = height / 300f;
            Font font = font().deriveFont(11f * scale);
            g.setFont(font);
            FontMetrics fm = g.getFontMetrics();
            long max = 1;
            for (int d = 0; d < days.size(); d++) {
                long sum = 0;
                for (String b : bundles) {
                    sum += perDay.get(b)[d];
                }
                max = Math.max(max, sum);
            }
            long step = niceStep(max);
            long top = ((max + step - 1) / step) * step;
            int left = fm.stringWidth(String.format("%,d", top)) + (int) (14 * scale);
            int right = width - (int) (10 * scale);
            int legendH = (int) (22 * scale);
            int plotTop = legendH + (int) (10 * scale);
            int plotBottom = height - fm.getHeight() - (int) (12 * scale);
            g.setStroke(new BasicStroke(1f * scale));
            for (long v = 0; v <= top; v += step) {
                int y = plotBottom - (int) ((plotBottom - plotTop) * v / (double) top);
                g.setColor(new Color(0xdde1e6));
                g.drawLine(left, y, right, y);
                g.setColor(new Color(0x333333));
                String label = String.format("%,d", v);
                g.drawString(label, left - fm.stringWidth(label) - (int) (6 * scale), y + fm.getAscent() / 2 - 1);
            }
            int n = Math.max(1, days.size());
            double slot = (right - left) / (double) n;
            int bar = (int) Math.max(1, slot * 0.7);
            int labelEvery = Math.max(1, (int) Math.ceil(fm.stringWidth("2026-03-02") * 1.3 / slot));
            for (int d = 0; d < days.size(); d++) {
                int x = left + (int) (d * slot + (slot - bar) / 2);
                int y = plotBottom;
                for (int b = 0; b < bundles.size(); b++) {
                    long c = perDay.get(bundles.get(b))[d];
                    int h = (int) Math.round((plotBottom - plotTop) * c / (double) top);
                    g.setColor(PALETTE[b % PALETTE.length]);
                    g.fillRect(x, y - h, bar, h);
                    y -= h;
                }
                if (d % labelEvery == 0) {
                    String label = days.get(d).toString();
                    g.setColor(new Color(0x333333));
                    int lx = left + (int) (d * slot + slot / 2) - fm.stringWidth(label) / 2;
                    g.drawString(label, Math.max(0, Math.min(lx, width - fm.stringWidth(label))), height - (int) (6 * scale));
                }
            }
            g.setColor(new Color(0x333333));
            g.drawLine(left, plotBottom, right, plotBottom);
            int lx = left;
            for (int b = 0; b < bundles.size(); b++) {
                g.setColor(PALETTE[b % PALETTE.length]);
                int box = fm.getAscent();
                g.fillRect(lx, (int) (6 * scale), box, box);
                g.setColor(new Color(0x333333));
                String label = "bundle " + (b + 1) + ": " + bundles.get(b);
                g.drawString(label, lx + box + (int) (5 * scale), (int) (6 * scale) + fm.getAscent() - 1);
                lx += box + fm.stringWidth(label) + (int) (20 * scale);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private static long niceStep(long max) {
        long raw = Math.max(1, max / 5);
        long mag = 1;
        while (mag * 10 <= raw) {
            mag *= 10;
        }
        for (long m : new long[] {1, 2, 5, 10}) {
            if (m * mag >= raw) {
                return m * mag;
            }
        }
        return 10 * mag;
    }

    private static Font font() throws IOException {
        if (BundledFont.PROBLEM != null) {
            throw new IOException(BundledFont.PROBLEM.getMessage(), BundledFont.PROBLEM);
        }
        return BundledFont.FONT;
    }

    /**
     * The font, read once per JVM: {@code Font.createFont} copies it into a temporary file that stays open until the
     * font is collected, and a font the renderer has used is kept, so reading it per chart left one open file and one
     * 750 KB file in the temporary folder per report (found by 'bench soak'). A Font is immutable; sizes are derived.
     */
    private static final class BundledFont {
        static final Font FONT;
        static final IOException PROBLEM;

        static {
            Font f = null;
            IOException p = null;
            try {
                f = read();
            } catch (IOException e) {
                p = e;
            }
            FONT = f;
            PROBLEM = p;
        }

        private static Font read() throws IOException {
            try (InputStream in = HistogramChart.class.getResourceAsStream("fonts/DejaVuSans.ttf")) {
                if (in == null) {
                    throw new IOException("fonts/DejaVuSans.ttf is missing from the report module's resources");
                }
                return Font.createFont(Font.TRUETYPE_FONT, in);
            } catch (FontFormatException e) {
                throw new IOException("the bundled DejaVu Sans is not a TrueType font", e);
            }
        }
    }
}
