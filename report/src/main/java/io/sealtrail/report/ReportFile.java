package io.sealtrail.report;

import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.JournalEntry;
import io.sealtrail.index.IndexException;
import io.sealtrail.index.Redaction;
import io.sealtrail.verify.bundle.BundleFormatException;
import io.sealtrail.verify.io.AtomicFiles;
import io.sealtrail.verify.merkle.Sha256;
import io.sealtrail.verify.note.NoteSigner;
import java.io.ByteArrayOutputStream;
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
    /**
     * What was written: the file, its SHA-256 and size, how many events it cites, its journal entry, and what was
     * redacted (null for a report in full).
     */
    public record Written(Path file, String sha256, long size, int cited, long journalSeq, ReportModel.Redacted redacted) {
    }

    private ReportFile() {
    }

    /**
     * @param cancelled checked between building and rendering; a cancelled report writes nothing
     * @throws FileAlreadyExistsException when {@code target} exists
     */
    public static Written write(CaseFolder c, ReportOptions options, Path target, NoteSigner auditor,
                                BooleanSupplier cancelled) throws IOException, IndexException, BundleFormatException {
        return write(c, options, target, auditor, null, cancelled);
    }

    /**
     * @param signer signs the report as PAdES (docs/decisions/0023-signed-reports.md), or null for an unsigned report;
     *               the journal then records the signer's certificate fingerprint beside the signed file's SHA-256
     */
    public static Written write(CaseFolder c, ReportOptions options, Path target, NoteSigner auditor, ReportSigner signer,
                                BooleanSupplier cancelled) throws IOException, IndexException, BundleFormatException {
        return write(c, options, target, auditor, signer, null, cancelled);
    }

    /**
     * @param redaction the profile that redacts what the report shows and attaches (docs/redaction.md), or null for a
     *                  report in full; the journal entry then names the profile and what each rule blanked
     */
    public static Written write(CaseFolder c, ReportOptions options, Path target, NoteSigner auditor, ReportSigner signer,
                                Redaction redaction, BooleanSupplier cancelled)
            throws IOException, IndexException, BundleFormatException {
        return write(c, options, target, auditor, signer, redaction, null, cancelled);
    }

    /**
     * @param engine the search the case's searches use, opened by the caller, who closes it (the report names it);
     *               null for the case's local index, which the report opens and closes itself
     */
    public static Written write(CaseFolder c, ReportOptions options, Path target, NoteSigner auditor, ReportSigner signer,
                                Redaction redaction, ReportSearch engine, BooleanSupplier cancelled)
            throws IOException, IndexException, BundleFormatException {
        Path abs = target.toAbsolutePath();
        if (Files.exists(abs)) {
            throw new FileAlreadyExistsException(abs.toString());
        }
        c.journal().requireHolder(auditor);
        ReportModel built = new ReportBuilder().build(c, options, engine);
        ReportModel model = redaction == null ? built : ReportRedaction.apply(built, redaction);
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("report cancelled");
        }
        Files.createDirectories(abs.getParent());
        MessageDigest md = Sha256.newDigest();
        AtomicFiles.write(abs, AtomicFiles.Existing.REFUSE, out -> {
            if (signer == null) {
                new ReportRenderer().render(model, new DigestOutputStream(out, md));
            } else {
                // the signature's incremental update needs the whole rendered revision to append to
                ByteArrayOutputStream rendered = new ByteArrayOutputStream();
                new ReportRenderer().render(model, rendered);
                signer.sign(rendered.toByteArray(), new DigestOutputStream(out, md), options.generatedAt());
            }
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
        data.put("searched_by", model.header().searchedBy());
        if (signer != null) {
            data.put("signed_by", signer.key().subject());
            data.put("signer_sha256", signer.key().fingerprint());
            data.put("signature", signer.timestamped() ? "PAdES B-T" : "PAdES B-B");
        }
        if (model.redacted() != null) {
            data.put("redaction_profile", model.redacted().profile());
            data.put("redaction_profile_sha256", model.redacted().profileSha256());
            data.put("redacted", model.redacted().counts());
        }
        JournalEntry e = c.journal().append(auditor, JournalEntry.REPORT, data);
        return new Written(abs, sha, Files.size(abs), model.cited().size(), e.seq(), model.redacted());
    }
}
