package io.sealtrail.report;

import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.JournalEntry;
import io.sealtrail.index.IndexException;
import io.sealtrail.verify.bundle.BundleFormatException;
import io.sealtrail.verify.io.AtomicFiles;
import io.sealtrail.verify.merkle.Sha256;
import io.sealtrail.verify.note.NoteSigner;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Writes a report file the way the CLI and the workbench both do: never over an existing file, into a
 * temporary file next to the target that is moved into place only when complete, and recorded with its
 * SHA-256 in the case journal, so the chain of custody names every report that left the case.
 */
public final class ReportFile {
    /** What was written: the file, its SHA-256 and size, how many events it cites, its journal entry. */
    public record Written(Path file, String sha256, long size, int cited, long journalSeq) {
    }

    private ReportFile() {
    }

    /**
     * @param cancelled checked between building and rendering; a cancelled report writes nothing
     * @throws FileAlreadyExistsException when {@code target} exists
     */
    public static Written write(CaseFolder c, ReportOptions options, Path target, NoteSigner auditor,
                                BooleanSupplier cancelled) throws IOException, IndexException, BundleFormatException {
        Path abs = target.toAbsolutePath();
        if (Files.exists(abs)) {
            throw new FileAlreadyExistsException(abs.toString());
        }
        c.journal().requireHolder(auditor);
        ReportModel model = new ReportBuilder().build(c, options);
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("report cancelled");
        }
        Files.createDirectories(abs.getParent());
        MessageDigest md = Sha256.newDigest();
        AtomicFiles.write(abs, AtomicFiles.Existing.REFUSE, out -> {
            new ReportRenderer().render(model, new DigestOutputStream(out, md));
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("report cancelled");
            }
        });
        String sha = HexFormat.of().formatHex(md.digest());
        Map<String, String> data = new LinkedHashMap<>();
        data.put("file", abs.getFileName().toString());
        data.put("sha256", sha);
        data.put("title", options.title());
        data.put("template", options.template().id());
        data.put("query", options.query());
        data.put("from", options.from() == null ? "" : options.from().toString());
        data.put("to", options.to() == null ? "" : options.to().toString());
        JournalEntry e = c.journal().append(auditor, JournalEntry.REPORT, data);
        return new Written(abs, sha, Files.size(abs), model.cited().size(), e.seq());
    }
}
