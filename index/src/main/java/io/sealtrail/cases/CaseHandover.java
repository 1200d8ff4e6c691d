package io.sealtrail.cases;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.model.EvidenceFolder;
import io.sealtrail.verify.age.AgeFile;
import io.sealtrail.verify.age.AgeKeys;
import io.sealtrail.verify.io.AtomicFiles;
import io.sealtrail.verify.merkle.Sha256;
import io.sealtrail.verify.note.VerifierKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.time.Clock;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A case handed over on a disk or by mail, readable only by the people it is for (docs/case-format.md, "Hand-over"):
 * the whole case folder (evidence, index, journal, annotations) as a zip inside an age file encrypted to each
 * recipient's X25519 key. age proves the file was not changed, not who made it (anyone with a recipient's public
 * key can encrypt to it), so what proves it is the sender's case is the journal inside: signed by the auditors who
 * kept it, checked on import against the auditor keys the recipient names, with every file re-hashed
 * ({@link CaseVerifier}) before the case appears.
 */
public final class CaseHandover {
    /** The first entry of the zip: what the sender exported, to be compared with what arrives. */
    static final String DESCRIPTION = "HANDOVER.json";
    static final String FORMAT = "sealtrail.case-handover";
    private static final JsonFactory JSON = new JsonFactory();

    private CaseHandover() {
    }

    /**
     * What an export wrote.
     *
     * @param checkpoint the journal's signed checkpoint as exported: the sender reads it to the recipient, who
     *                   finds the same text after import
     * @param sha256     of the encrypted file, for the sender's own record of what left
     */
    public record Exported(long files, long bytes, String checkpoint, String sha256) {
    }

    /** What an import opened: the case in its folder, its check, and the checkpoint it arrived with. */
    public record Imported(CaseFolder folder, long files, CaseVerifier.Result check, String checkpoint) {
    }

    /** A hand-over file that cannot be opened, or whose case is not the one it says. */
    public static final class HandoverException extends IOException {
        private static final long serialVersionUID = 1L;

        public HandoverException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Writes {@code c} encrypted to {@code to} at {@code out}, which appears only when complete.
     *
     * @throws FileAlreadyExistsException when {@code out} exists
     */
    public static Exported export(CaseFolder c, List<AgeKeys.Recipient> to, Path out, Clock clock) throws IOException {
        if (Files.exists(out)) {
            throw new FileAlreadyExistsException(out.toString());
        }
        if (to.isEmpty()) {
            throw new IllegalArgumentException("name at least one recipient");
        }
        c.journal().verify(List.of()); // a journal that cannot be read is not handed over
        String checkpoint = Files.readString(c.dir().resolve(CaseFolder.JOURNAL).resolve(CaseJournal.CHECKPOINT));
        List<String> files = EvidenceFolder.files(c.dir()).stream().filter(f -> !f.startsWith(".staging-")).toList();
        MessageDigest sha = Sha256.newDigest();
        long[] bytes = {0};
        AtomicFiles.write(out, AtomicFiles.Existing.REFUSE, raw -> {
            try (OutputStream enc = AgeFile.encrypt(new DigestOutputStream(raw, sha), to);
                 ZipOutputStream zip = new ZipOutputStream(enc)) {
                zip.setLevel(Deflater.BEST_SPEED); // evidence is mostly compressed already; the index barely shrinks
                zip.putNextEntry(new ZipEntry(DESCRIPTION));
                zip.write(description(c, files.size(), checkpoint, clock));
                zip.closeEntry();
                for (String f : files) {
                    zip.putNextEntry(new ZipEntry(f));
                    bytes[0] += Files.copy(c.dir().resolve(f), zip);
                    zip.closeEntry();
                }
            }
        });
        return new Exported(files.size(), bytes[0], checkpoint, HexFormat.of().formatHex(sha.digest()));
    }

    /**
     * Opens a hand-over file with the recipient's identities into {@code into} (which must not exist), checks the
     * case there as {@code sealtrail case verify} does against {@code trustedAuditors}, and makes it appear only
     * when every file arrived exactly as the sender's journal anchors it.
     *
     * @throws AgeFile.AgeException  when the file is not for these identities, was altered or is cut short
     * @throws HandoverException     when what it holds is not a whole case, or not the one it describes
     */
    public static Imported importCase(Path file, List<AgeKeys.Identity> identities, Path into,
                                      List<VerifierKey> trustedAuditors, Clock clock) throws IOException {
        if (Files.exists(into)) {
            throw new FileAlreadyExistsException(into.toString());
        }
        Path parent = into.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path staging = parent.resolve("." + into.getFileName() + ".partial-" + UUID.randomUUID());
        try {
            JsonNode description;
            long files = 0;
            try (InputStream in = AgeFile.decrypt(Files.newInputStream(file), identities);
                 ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
                ZipEntry first = zip.getNextEntry();
                if (first == null || !DESCRIPTION.equals(first.getName())) {
                    throw new HandoverException(file + ": it decrypts, but holds no Sealtrail case (no "
                            + DESCRIPTION + ")", null);
                }
                description = new ObjectMapper().readTree(zip.readNBytes(1 << 20));
                if (!FORMAT.equals(description.path("format").asText())) {
                    throw new HandoverException(file + ": it decrypts, but is not a Sealtrail case hand-over", null);
                }
                Files.createDirectory(staging);
                Set<String> seen = new HashSet<>();
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    Path target = safe(file, staging, e, seen);
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                    files++;
                }
            }
            if (files != description.path("files").asLong(-1)) {
                throw new HandoverException(file + ": it holds " + files + " files, and its description says "
                        + description.path("files").asText() + ": it was made by another tool, or broken", null);
            }
            if (!CaseFolder.isCase(staging)) {
                throw new HandoverException(file + ": what it holds is not a case (no " + CaseFolder.CASE_FILE + ")",
                        null);
            }
            String checkpoint = Files.readString(staging.resolve(CaseFolder.JOURNAL).resolve(CaseJournal.CHECKPOINT));
            if (!checkpoint.equals(description.path("journal_checkpoint").asText())) {
                throw new HandoverException(file + ": the journal's checkpoint differs from the one its description"
                        + " names", null);
            }
            CaseFolder opened = CaseFolder.open(staging, clock);
            CaseVerifier.Result check = new CaseVerifier().verify(opened, trustedAuditors);
            if (!check.ok()) {
                throw new HandoverException(file + ": the case it holds does not verify ("
                        + check.findings().stream().map(f -> f.code() + " " + f.location()).limit(3).toList()
                        + (check.journal().ok() ? "" : ", its journal is broken")
                        + "): it was not imported; 'sealtrail case verify' on the sender's copy shows why", null);
            }
            for (ImportRecord b : opened.bundles()) {
                Path evidence = opened.bundleDir(b.bundleId()).resolve("evidence");
                if (Files.isDirectory(evidence)) {
                    CaseFiles.makeReadOnly(evidence); // as the sender's import left it
                }
            }
            Files.move(staging, into, StandardCopyOption.ATOMIC_MOVE);
            return new Imported(CaseFolder.open(into, clock), files, check, checkpoint);
        } finally {
            if (Files.exists(staging)) {
                CaseFiles.deleteTree(staging);
            }
        }
    }

    /** Where an entry goes: inside the staging folder, a plain relative path, once, not folding into another. */
    private static Path safe(Path file, Path staging, ZipEntry e, Set<String> seen) throws HandoverException {
        String name = e.getName();
        boolean bad = e.isDirectory() || name.isEmpty() || name.startsWith("/") || name.contains("\\")
                || name.contains("\0") || List.of(name.split("/", -1)).stream().anyMatch(s -> s.isEmpty()
                || s.equals(".") || s.equals(".."));
        Path target = staging.resolve(name).normalize();
        if (bad || !target.startsWith(staging)) {
            throw new HandoverException(file + ": it holds the entry '" + name + "', which is not a plain path inside"
                    + " a case", null);
        }
        if (!seen.add(Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT))) {
            throw new HandoverException(file + ": it holds '" + name + "' twice (or twice up to case)", null);
        }
        return target;
    }

    private static byte[] description(CaseFolder c, int files, String checkpoint, Clock clock) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(b)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("format_version", 1);
            g.writeStringField("case_id", c.id());
            g.writeStringField("name", c.name());
            g.writeStringField("exported", clock.instant().toString());
            g.writeNumberField("files", files);
            g.writeStringField("journal_checkpoint", checkpoint);
            g.writeEndObject();
        }
        return b.toByteArray();
    }
}
