package io.sealtrail.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** The first pages of a written report as images, for a preview (headless AWT drawing only). */
public final class ReportPreview {
    private ReportPreview() {
    }

    public static List<BufferedImage> pages(Path pdf, int maxPages, float dpi) throws IOException {
        List<BufferedImage> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFRenderer r = new PDFRenderer(doc);
            for (int i = 0; i < Math.min(maxPages, doc.getNumberOfPages()); i++) {
                out.add(r.renderImageWithDPI(i, dpi, ImageType.RGB));
            }
        }
        return out;
    }
}
