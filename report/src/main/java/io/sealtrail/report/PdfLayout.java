package io.sealtrail.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A small flowing layout on A4 pages: headings, wrapped paragraphs, tables that break across pages with
 * their header row repeated, images; then a header line and "Page x of y" on every page. Text is never
 * cut: a hash too wide for its cell wraps at a fixed width (see {@link #pieces}), another long word after a
 * separator, and a row taller than a page continues on the next.
 */
final class PdfLayout {
    static final PDRectangle A4 = PDRectangle.A4;
    static final float MARGIN_X = 48;
    static final float TOP = A4.getHeight() - 62;
    static final float BOTTOM = 56;
    static final float WIDTH = A4.getWidth() - 2 * MARGIN_X;
    static final float BODY = 9;
    static final float CELL_PAD = 3;
    private static final float[] INK = {0.12f, 0.12f, 0.14f};
    private static final float[] ACCENT = {0.10f, 0.27f, 0.45f};
    private static final float[] RULE = {0.70f, 0.72f, 0.76f};
    private static final float[] HEADER_FILL = {0.88f, 0.91f, 0.95f};
    private static final float[] ZEBRA = {0.965f, 0.97f, 0.98f};

    /** A table column: title, relative width, right-aligned (numbers), monospaced (hashes, ids). */
    record Column(String title, float weight, boolean right, boolean mono) {
        static Column text(String title, float weight) {
            return new Column(title, weight, false, false);
        }

        static Column number(String title, float weight) {
            return new Column(title, weight, true, false);
        }

        static Column mono(String title, float weight) {
            return new Column(title, weight, false, true);
        }
    }

    final PDDocument doc;
    final PDFont regular;
    final PDFont bold;
    final PDFont mono;
    private final Map<PDFont, Map<Integer, Boolean>> glyphs = new HashMap<>();
    private PDPageContentStream cs;
    private float y;
    /** The font size of the table being laid out. */
    private float cell = BODY;

    /** How the pages write times: in the report's zone, UTC beside. */
    private ReportTimes times = new ReportTimes(java.time.ZoneOffset.UTC);

    ReportTimes times() {
        return times;
    }

    PdfLayout times(ReportTimes t) {
        times = t;
        return this;
    }

    PdfLayout(PDDocument doc) throws IOException {
        this.doc = doc;
        this.regular = font("DejaVuSans.ttf");
        this.bold = font("DejaVuSans-Bold.ttf");
        this.mono = font("DejaVuSansMono.ttf");
        newPage();
    }

    /**
     * Loads a bundled font with glyph substitution (GSUB) off: PDFBox 3 would otherwise set "fi", "fl" and "ff"
     * as ligature glyphs, which text extractors return as U+FB01 or drop ("veri ed"), so a reader searching a
     * report for "verified" would not find it. Shaping is not needed for the scripts of user and host names.
     */
    private PDFont font(String file) throws IOException {
        try (InputStream in = PdfLayout.class.getResourceAsStream("fonts/" + file)) {
            if (in == null) {
                throw new IOException("font " + file + " is missing from the report module's resources");
            }
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
            ttf.setEnableGsub(false);
            return PDType0Font.load(doc, ttf, true);
        }
    }

    void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        PDPage page = new PDPage(A4);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = TOP;
    }

    private void ensure(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    /** Starts a new page unless {@code height} points are left: a short block is not split over two pages. */
    void keep(float height) throws IOException {
        ensure(Math.min(height, TOP - BOTTOM));
    }

    void space(float h) {
        y -= h;
    }

    void title(String text, String subtitle) throws IOException {
        for (String l : wrap(text, bold, 20, WIDTH)) {
            ensure(26);
            show(l, bold, 20, MARGIN_X, y - 20, ACCENT);
            y -= 26;
        }
        if (subtitle != null) {
            show(subtitle, regular, 11, MARGIN_X, y - 12, INK);
            y -= 22;
        }
    }

    void heading(String text) throws IOException {
        ensure(110); // never a heading alone at the foot of a page: room for it, a short paragraph and a table row
        y -= 8;
        show(clean(text, bold), bold, 13, MARGIN_X, y - 13, ACCENT);
        y -= 17;
        line(MARGIN_X, y, MARGIN_X + WIDTH, y, ACCENT, 0.8f);
        y -= 8;
    }

    void subheading(String text) throws IOException {
        ensure(40);
        y -= 4;
        for (String l : wrap(text, bold, 10.5f, WIDTH)) {
            show(l, bold, 10.5f, MARGIN_X, y - 10.5f, INK);
            y -= 14;
        }
        y -= 2;
    }

    void paragraph(String text) throws IOException {
        paragraph(text, regular, BODY);
    }

    void paragraph(String text, PDFont font, float size) throws IOException {
        float leading = size * 1.35f;
        for (String l : wrap(text, font, size, WIDTH)) {
            ensure(leading);
            show(l, font, size, MARGIN_X, y - size, INK);
            y -= leading;
        }
        y -= 4;
    }

    void image(PDImageXObject img, float width) throws IOException {
        float height = width * img.getHeight() / img.getWidth();
        ensure(height + 6);
        cs.drawImage(img, MARGIN_X, y - height, width, height);
        y -= height + 8;
    }

    /** Label/value pairs as a two-column table without a header row. */
    void keyValues(List<String[]> pairs) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (String[] p : pairs) {
            rows.add(List.of(p[0], p[1] == null ? "—" : p[1]));
        }
        table(List.of(new Column("", 1.1f, false, false), new Column("", 3.4f, false, false)), rows, false);
    }

    /** Label/value pairs whose values are hashes, file names and ids: set in the monospaced font, wide enough for a SHA-256. */
    void monoValues(List<String[]> pairs) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (String[] p : pairs) {
            rows.add(List.of(p[0], p[1] == null ? "—" : p[1]));
        }
        table(List.of(new Column("", 1.1f, false, false), new Column("", 3.4f, false, true)), rows, false);
    }

    void table(List<Column> cols, List<List<String>> rows) throws IOException {
        table(cols, rows, true);
    }

    /** A table in a smaller font, for wide tables (timeline, query appendix) that would wrap every cell at 9 pt. */
    void table(List<Column> cols, List<List<String>> rows, float size) throws IOException {
        cell = size;
        try {
            table(cols, rows, true);
        } finally {
            cell = BODY;
        }
    }

    /** A bold run-in label that stays with what follows it. */
    void label(String text) throws IOException {
        ensure(70);
        paragraph(text, bold, BODY);
    }

    private void table(List<Column> cols, List<List<String>> rows, boolean header) throws IOException {
        float total = 0;
        for (Column c : cols) {
            total += c.weight();
        }
        float[] w = new float[cols.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = WIDTH * cols.get(i).weight() / total;
        }
        widen(cols, rows, w, header);
        float leading = cell * 1.3f;
        List<List<String>> headLines = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            headLines.add(wrap(cols.get(i).title(), bold, cell, w[i] - 2 * CELL_PAD));
        }
        float headHeight = header ? height(headLines, leading) : 0;
        if (header) {
            float first = leading + 2 * CELL_PAD;
            if (!rows.isEmpty()) { // the header row never stands alone at the foot of a page
                List<List<String>> cells = new ArrayList<>();
                for (int i = 0; i < cols.size(); i++) {
                    String v = i < rows.get(0).size() && rows.get(0).get(i) != null ? rows.get(0).get(i) : "";
                    cells.add(wrap(v, cols.get(i).mono() ? mono : regular, cell, w[i] - 2 * CELL_PAD));
                }
                first = Math.min(height(cells, leading), (TOP - BOTTOM) / 2);
            }
            ensure(headHeight + first);
            row(cols, w, headLines, leading, true, false);
        }
        int n = 0;
        for (List<String> r : rows) {
            List<List<String>> cells = new ArrayList<>();
            for (int i = 0; i < cols.size(); i++) {
                String v = i < r.size() && r.get(i) != null ? r.get(i) : "";
                PDFont f = i == 0 && !header ? bold : cols.get(i).mono() ? mono : regular;
                cells.add(wrap(v, f, cell, w[i] - 2 * CELL_PAD));
            }
            boolean zebra = n++ % 2 == 1;
            while (cells != null) {
                float h = height(cells, leading);
                if (y - h < BOTTOM) {
                    float room = y - BOTTOM - 2 * CELL_PAD;
                    boolean freshPageHelps = h <= TOP - BOTTOM - headHeight;
                    if (freshPageHelps || room < 3 * leading) {
                        newPage();
                        if (header) {
                            row(cols, w, headLines, leading, true, false);
                        }
                        continue;
                    }
                    int fit = (int) (room / leading);
                    List<List<String>> first = new ArrayList<>();
                    List<List<String>> rest = new ArrayList<>();
                    for (List<String> c : cells) {
                        first.add(c.subList(0, Math.min(fit, c.size())));
                        rest.add(c.subList(Math.min(fit, c.size()), c.size()));
                    }
                    row(cols, w, first, leading, false, zebra);
                    cells = rest;
                    continue;
                }
                row(cols, w, cells, leading, false, zebra);
                cells = null;
            }
        }
        y -= 8;
    }

    /**
     * Gives a column too narrow for its longest word (a header's "Privileged", a date) the width it needs, taken from
     * the columns with room to spare, so no word is broken in the middle; hashes are left to {@link #pieces}.
     */
    private static final int WHOLE_WORD = 18;

    private void widen(List<Column> cols, List<List<String>> rows, float[] w, boolean header) {
        float[] need = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            PDFont body = cols.get(i).mono() ? mono : i == 0 && !header ? bold : regular;
            need[i] = header ? longestWord(cols.get(i).title(), bold) : 0;
            for (List<String> r : rows) {
                if (i < r.size() && r.get(i) != null) {
                    need[i] = Math.max(need[i], longestWord(r.get(i), body));
                }
            }
            need[i] = Math.min(need[i] + 2 * CELL_PAD, WIDTH / 3);
        }
        float deficit = 0;
        float slack = 0;
        for (int i = 0; i < w.length; i++) {
            deficit += Math.max(0, need[i] - w[i]);
            slack += Math.max(0, w[i] - need[i]);
        }
        if (deficit == 0 || slack == 0) {
            return;
        }
        float given = Math.min(deficit, slack); // not room for all: each needy column gets its share of what there is
        for (int i = 0; i < w.length; i++) {
            w[i] = w[i] < need[i] ? w[i] + (need[i] - w[i]) * given / deficit : w[i] - (w[i] - need[i]) * given / slack;
        }
    }

    /**
     * The widest word of a cell that a reader would not want broken: not a hash (they wrap at fixed widths by design),
     * nor an identifier longer than {@link #WHOLE_WORD} characters (it breaks after a separator).
     */
    private float longestWord(String text, PDFont f) {
        float widest = 0;
        for (String word : clean(text.replace('\n', ' '), f).split(" ")) {
            if (!word.isEmpty() && word.length() <= WHOLE_WORD && !HASH.matcher(word).matches()) {
                widest = Math.max(widest, width(word, f, cell));
            }
        }
        return widest;
    }

    private static float height(List<List<String>> cells, float leading) {
        int lines = 1;
        for (List<String> c : cells) {
            lines = Math.max(lines, c.size());
        }
        return lines * leading + 2 * CELL_PAD;
    }

    private void row(List<Column> cols, float[] w, List<List<String>> cells, float leading, boolean head, boolean zebra)
            throws IOException {
        float h = height(cells, leading);
        if (head || zebra) {
            float[] fill = head ? HEADER_FILL : ZEBRA;
            cs.setNonStrokingColor(fill[0], fill[1], fill[2]);
            cs.addRect(MARGIN_X, y - h, WIDTH, h);
            cs.fill();
        }
        float x = MARGIN_X;
        for (int i = 0; i < cols.size(); i++) {
            Column c = cols.get(i);
            PDFont f = head ? bold : c.mono() ? mono : (i == 0 && !head && c.title().isEmpty()) ? bold : regular;
            float ty = y - CELL_PAD - cell;
            for (String l : cells.get(i)) {
                float tw = width(l, f, cell);
                float tx = c.right() ? x + w[i] - CELL_PAD - tw : x + CELL_PAD;
                show(l, f, cell, tx, ty + 1.5f, INK);
                ty -= leading;
            }
            x += w[i];
        }
        line(MARGIN_X, y - h, MARGIN_X + WIDTH, y - h, RULE, head ? 0.8f : 0.4f);
        y -= h;
    }

    /** Header and "Page x of y" on every page; call once, after all content. */
    void finish(String headerLeft, String headerRight, String footerLeft) throws IOException {
        cs.close();
        cs = null;
        int n = doc.getNumberOfPages();
        for (int i = 0; i < n; i++) {
            PDPage p = doc.getPage(i);
            try (PDPageContentStream s = new PDPageContentStream(doc, p, PDPageContentStream.AppendMode.APPEND, true, true)) {
                cs = s;
                float top = A4.getHeight() - 34;
                String right = clean(headerRight, regular);
                show(clip(clean(headerLeft, bold), bold, 8, WIDTH - width(right, regular, 8) - 16), bold, 8, MARGIN_X, top, INK);
                show(right, regular, 8, MARGIN_X + WIDTH - width(right, regular, 8), top, INK);
                line(MARGIN_X, top - 5, MARGIN_X + WIDTH, top - 5, RULE, 0.6f);
                line(MARGIN_X, 40, MARGIN_X + WIDTH, 40, RULE, 0.6f);
                String page = "Page " + (i + 1) + " of " + n;
                show(clean(footerLeft, regular), regular, 7.5f, MARGIN_X, 29, INK);
                show(page, bold, 8, MARGIN_X + WIDTH - width(page, bold, 8), 29, INK);
            }
        }
        cs = null;
    }

    private void show(String text, PDFont f, float size, float x, float baseline, float[] color) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        cs.beginText();
        cs.setNonStrokingColor(color[0], color[1], color[2]);
        cs.setFont(f, size);
        cs.newLineAtOffset(x, baseline);
        cs.showText(text);
        cs.endText();
    }

    private void line(float x1, float y1, float x2, float y2, float[] color, float width) throws IOException {
        cs.setStrokingColor(color[0], color[1], color[2]);
        cs.setLineWidth(width);
        cs.moveTo(x1, y1);
        cs.lineTo(x2, y2);
        cs.stroke();
    }

    float width(String s, PDFont f, float size) {
        try {
            return f.getStringWidth(s) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Only header text may be shortened (the full title is on page 1); it ends in an ellipsis. */
    private String clip(String s, PDFont f, float size, float max) {
        if (width(s, f, size) <= max) {
            return s;
        }
        String t = s;
        while (!t.isEmpty() && width(t + "…", f, size) > max) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    /** Replaces characters the font has no glyph for (and control characters) so nothing fails to render. */
    String clean(String s, PDFont f) {
        Map<Integer, Boolean> known = glyphs.computeIfAbsent(f, k -> new HashMap<>());
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\t') {
                sb.append("    ");
                return;
            }
            if (Character.isISOControl(cp)) {
                sb.append(' ');
                return;
            }
            boolean ok = known.computeIfAbsent(cp, c -> {
                try {
                    f.encode(new String(Character.toChars(c)));
                    return true;
                } catch (IllegalArgumentException | IOException e) {
                    return false;
                }
            });
            sb.append(ok ? new String(Character.toChars(cp)) : "?");
        });
        return sb.toString();
    }

    /** A hash or key as hex or base64, perhaps after a label ("SHA256:") and before punctuation ("…ae6,"). */
    static final java.util.regex.Pattern HASH = java.util.regex.Pattern.compile(
            "([^\\s]*?[:=(])?([0-9a-fA-F]{16,}|[A-Za-z0-9+/]{22,}={0,2})([,.;:)]*)");

    /**
     * An over-long word in lines of at most {@code max} points, the last one returned unfinished (more may follow it
     * on its line). A hash breaks into equal pieces (halves, else quarters, else eighths: a SHA-256 in hex as 2 × 32
     * or 4 × 16 characters) after any label before it, never at whatever character reaches the edge; another word
     * breaks after the last separator ({@code / - _ . : , =}) that lets the line be at least half full, else at the edge.
     */
    List<String> pieces(String word, PDFont f, float size, float max) {
        List<String> out = new ArrayList<>();
        if (width(word, f, size) <= max) {
            out.add(word);
            return out;
        }
        java.util.regex.Matcher h = HASH.matcher(word);
        if (h.matches()) {
            String label = h.group(1) == null ? "" : h.group(1);
            String hash = h.group(2);
            for (int parts = 2; parts <= 16; parts *= 2) {
                int piece = (hash.length() + parts - 1) / parts;
                if (width(hash.substring(0, piece), f, size) <= max) {
                    if (!label.isEmpty()) {
                        out.addAll(pieces(label, f, size, max));
                    }
                    for (int i = 0; i < hash.length(); i += piece) {
                        out.add(hash.substring(i, Math.min(hash.length(), i + piece)));
                    }
                    out.set(out.size() - 1, out.get(out.size() - 1) + h.group(3));
                    return out;
                }
            }
        }
        String rest = word;
        while (width(rest, f, size) > max && rest.length() > 1) {
            int fit = 1;
            while (fit < rest.length() && width(rest.substring(0, fit + 1), f, size) <= max) {
                fit++;
            }
            int cut = fit;
            for (int i = fit; i > fit / 2; i--) {
                if ("/-_.:,=".indexOf(rest.charAt(i - 1)) >= 0) {
                    cut = i;
                    break;
                }
            }
            if (cut == fit && Character.isHighSurrogate(rest.charAt(cut - 1)) && cut > 1) {
                cut--;
            }
            out.add(rest.substring(0, cut));
            rest = rest.substring(cut);
        }
        out.add(rest);
        return out;
    }

    /** Lines of at most {@code max} points: breaks at spaces, at explicit newlines, and inside over-long words. */
    List<String> wrap(String text, PDFont f, float size, float max) {
        List<String> out = new ArrayList<>();
        for (String para : text.split("\n", -1)) {
            String p = clean(para, f);
            StringBuilder line = new StringBuilder();
            for (String word : p.split(" ", -1)) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (width(candidate, f, size) <= max) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) {
                    out.add(line.toString());
                    line.setLength(0);
                }
                List<String> pieces = pieces(word, f, size, max);
                out.addAll(pieces.subList(0, pieces.size() - 1));
                String rest = pieces.get(pieces.size() - 1);
                line.append(rest);
            }
            out.add(line.toString());
        }
        return out;
    }
}
