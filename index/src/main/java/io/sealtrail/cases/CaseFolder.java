package io.sealtrail.cases;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.IndexException;
import io.sealtrail.model.Verdict;
import io.sealtrail.verify.io.AtomicFiles;
import io.sealtrail.verify.io.CrashPoints;
import io.sealtrail.verify.note.NoteFormatException;
import io.sealtrail.verify.note.NoteSigner;
import io.sealtrail.verify.note.VerifierKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A case on disk (docs/case-format.md):
 * <pre>
 * case.json                         id, name, creation time, the creator's verifier key
 * journal/journal.jsonl             the signed chain of custody (CaseJournal)
 * journal/journal.checkpoint
 * bundles/&lt;bundle id&gt;/evidence/     the imported bundle, byte for byte, read-only
 * bundles/&lt;bundle id&gt;/index/        its Lucene index, built once, opened read-only
 * bundles/&lt;bundle id&gt;/verification.json
 * bundles/&lt;bundle id&gt;/import.json   every file above with size and SHA-256
 * </pre>
 * A bundle belongs to the case once its import entry is in the journal; a folder under bundles/
 * without one is the remains of an interrupted import and is ignored.
 */
public final class CaseFolder {
    public static final String CASE_FILE = "case.json";
    public static final String BUNDLES = "bundles";
    public static final String JOURNAL = "journal";
    /** The folder, inside an import's own, that holds its search index. */
    static final String INDEX = "index";
    private static final JsonFactory JSON = new JsonFactory();

    private final Path dir;
    private final String id;
    private final String name;
    private final Instant created;
    private final VerifierKey creator;
    private final Clock clock;

    private CaseFolder(Path dir, String id, String name, Instant created, VerifierKey creator, Clock clock) {
        this.dir = dir;
        this.id = id;
        this.name = name;
        this.created = created;
        this.creator = creator;
        this.clock = clock;
    }

    public static boolean isCase(Path dir) {
        return Files.isRegularFile(dir.resolve(CASE_FILE));
    }

    /** Opens the case at {@code dir}, creating it (named after the folder) if the folder holds none. */
    public static CaseFolder openOrCreate(Path dir, Clock clock) throws IOException {
        return isCase(dir) ? open(dir, clock) : create(dir, dir.toAbsolutePath().normalize().getFileName().toString(), clock);
    }

    /**
     * Opens the case at {@code dir}, or creates it (named after the folder) held by {@code creator}, with its
     * {@code case.created} journal entry.
     */
    public static CaseFolder openOrCreate(Path dir, Clock clock, NoteSigner creator) throws IOException {
        return isCase(dir) ? open(dir, clock) : create(dir, dir.toAbsolutePath().normalize().getFileName().toString(), clock,
                creator);
    }

    /**
     * Creates a case held by {@code creator}: case.json names its key, and the journal's first entry,
     * {@code case.created}, is written and signed by it. Only that key may append until it hands the case over.
     */
    public static CaseFolder create(Path dir, String name, Clock clock, NoteSigner creator) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        if (isCase(abs)) {
            throw new IOException(abs + " already holds a case");
        }
        // case.json is the commit: written last, so a crash before it leaves no case, only a journal nobody will
        // read, which the next creation here starts over
        Path journal = abs.resolve(JOURNAL);
        Files.deleteIfExists(journal.resolve(CaseJournal.FILE));
        Files.deleteIfExists(journal.resolve(CaseJournal.CHECKPOINT));
        Files.createDirectories(abs.resolve(BUNDLES));
        Files.createDirectories(journal);
        CaseFolder c = new CaseFolder(abs, UUID.randomUUID().toString(), name, clock.instant(), creator.verifierKey(),
                clock);
        c.journal().append(creator, JournalEntry.CASE_CREATED, Map.of("name", name));
        writeCaseFile(c);
        return c;
    }

    /**
     * Creates a case whose case.json names no creator, as cases made before the key was recorded there: whoever
     * writes its first journal entry holds it.
     */
    public static CaseFolder create(Path dir, String name, Clock clock) throws IOException {
        return create(dir, name, clock, (VerifierKey) null);
    }

    private static CaseFolder create(Path dir, String name, Clock clock, VerifierKey creator) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        if (isCase(abs)) {
            throw new IOException(abs + " already holds a case");
        }
        Files.createDirectories(abs.resolve(BUNDLES));
        Files.createDirectories(abs.resolve(JOURNAL));
        CaseFolder c = new CaseFolder(abs, UUID.randomUUID().toString(), name, clock.instant(), creator, clock);
        writeCaseFile(c);
        return c;
    }

    private static void writeCaseFile(CaseFolder c) throws IOException {
        AtomicFiles.write(c.dir.resolve(CASE_FILE), AtomicFiles.Existing.REFUSE, out -> {
            try (JsonGenerator g = JSON.createGenerator(out)) {
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeStringField("format", "sealtrail.case");
                g.writeNumberField("format_version", 1);
                g.writeStringField("case_id", c.id);
                g.writeStringField("name", c.name);
                g.writeStringField("created", c.created.toString());
                if (c.creator != null) {
                    g.writeStringField("creator", c.creator.encode());
                }
                g.writeEndObject();
            }
        });
    }

    public static CaseFolder open(Path dir, Clock clock) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        Path file = abs.resolve(CASE_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException(abs + " is not a Sealtrail case (no " + CASE_FILE + ")");
        }
        Map<String, String> v = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException(file + " is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String k = p.currentName();
                p.nextToken();
                v.put(k, p.getValueAsString());
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (!"sealtrail.case".equals(v.get("format")) || v.get("case_id") == null) {
            throw new IOException(file + " is not a Sealtrail case file");
        }
        VerifierKey creator = null;
        if (v.get("creator") != null) {
            try {
                creator = VerifierKey.parse(v.get("creator"));
            } catch (NoteFormatException e) {
                throw new IOException(file + ": creator is not a verifier key (" + e.getMessage() + ")", e);
            }
        }
        return new CaseFolder(abs, v.get("case_id"), v.getOrDefault("name", abs.getFileName().toString()),
                Instant.parse(v.getOrDefault("created", "1970-01-01T00:00:00Z")), creator, clock);
    }

    public Path dir() {
        return dir;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Instant created() {
        return created;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * The key case.json says created the case, or null for a case from before it said so. case.json is not signed:
     * this is a tripwire, and the journal's first entry, covered by every checkpoint, is the anchor.
     */
    public VerifierKey creator() {
        return creator;
    }

    public CaseJournal journal() {
        return new CaseJournal(dir.resolve(JOURNAL), id, creator, clock);
    }

    public Path bundleDir(String bundleId) {
        return dir.resolve(BUNDLES).resolve(bundleId);
    }

    /**
     * One search over the indexes of {@code imports} (as {@link #bundles()} lists them); the caller closes it.
     * Each caller says in its own words that a case without imports has nothing to search.
     */
    public EventSearch openSearch(List<ImportRecord> imports) throws IndexException {
        return EventSearch.open(indexes(imports), verdicts(imports));
    }

    private List<Path> indexes(List<ImportRecord> imports) {
        return imports.stream().map(r -> bundleDir(r.bundleId()).resolve(INDEX)).toList();
    }

    /** The verdict each import recorded, by bundle id, for the search's standing words. */
    private static Map<String, Verdict> verdicts(List<ImportRecord> imports) {
        Map<String, Verdict> verdicts = new HashMap<>();
        for (ImportRecord r : imports) {
            Verdict v = r.recordedVerdict();
            if (v != null) {
                verdicts.put(r.bundleId(), v);
            }
        }
        return verdicts;
    }

    /**
     * As {@link #openSearch}, leaving out the imports whose index cannot be opened (a case copied in part, a disk
     * error): the window opens such a case read-only and says which events it cannot search. The evidence, the
     * journal and the verification do not depend on the index.
     */
    public ReadableSearch openReadableSearch(List<ImportRecord> imports) throws IndexException {
        List<Path> indexes = indexes(imports);
        EventSearch.Readable opened = EventSearch.openReadable(indexes, verdicts(imports));
        List<String> unsearchable = new ArrayList<>();
        for (int i = 0; i < imports.size(); i++) {
            String why = opened.unreadable().get(indexes.get(i));
            if (why != null) {
                ImportRecord r = imports.get(i);
                unsearchable.add(r.fileName() + " (bundles/" + r.bundleId() + "): " + why);
            }
        }
        return new ReadableSearch(opened.search(), List.copyOf(unsearchable));
    }

    /** A search over a case's readable imports, and for each other import its file name, folder and why. */
    public record ReadableSearch(EventSearch search, List<String> unsearchable) {
    }

    /**
     * As {@link #bundles()}, for opening a damaged case: an import whose record is gone or unreadable, or a journal
     * line that cannot be read, is a line in {@code problems} (naming the journal entry or line) instead of an
     * exception, so the rest of the case still opens and the window says what is missing.
     */
    public ReadableImports readableBundles() throws IOException {
        List<ImportRecord> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (JournalEntry e : journal().readableEntries()) {
            if (!JournalEntry.IMPORT.equals(e.type())) {
                continue;
            }
            String bid = e.data().get("bundle_id");
            String what = "journal entry #" + e.seq() + " (" + e.data().getOrDefault("file_name", "?") + ", bundles/"
                    + bid + ")";
            Path rec = bid == null || bid.isEmpty() || bid.contains("/") || bid.contains("\\") || bid.startsWith(".")
                    ? null : bundleDir(bid).resolve(ImportRecord.FILE);
            if (rec == null) {
                problems.add(what + ": names no bundle folder");
            } else if (!Files.exists(rec)) {
                problems.add(what + ": its import record (import.json) is gone, so its events cannot be searched");
            } else {
                try {
                    out.add(ImportRecord.read(rec));
                } catch (IOException ex) {
                    problems.add(what + ": its import record cannot be read (" + ex.getMessage() + ")");
                }
            }
        }
        return new ReadableImports(List.copyOf(out), List.copyOf(problems));
    }

    /** The imports whose record can be read, in import order, and a line for each the journal records that cannot. */
    public record ReadableImports(List<ImportRecord> imports, List<String> problems) {
    }

    /** Bundles whose import was committed to the journal, in import order. */
    public List<ImportRecord> bundles() throws IOException {
        List<ImportRecord> out = new ArrayList<>();
        for (JournalEntry e : journal().entries()) {
            if (JournalEntry.IMPORT.equals(e.type())) {
                String bid = e.data().get("bundle_id");
                Path rec = bundleDir(bid).resolve(ImportRecord.FILE);
                if (Files.exists(rec)) {
                    out.add(ImportRecord.read(rec));
                }
            }
        }
        return out;
    }

    /** A fresh staging folder inside the case, on the same file system, so the final move is atomic. */
    Path newStaging() throws IOException {
        return Files.createDirectories(dir.resolve(".staging-" + UUID.randomUUID()));
    }

    /** Moves a finished staging folder to bundles/&lt;id&gt; in one rename; the journal entry then commits it. */
    void moveIntoPlace(Path staging, String bundleId) throws IOException {
        CaseFiles.force(staging); // the journal entry after this must never name files still only in memory
        CrashPoints.reached("staging " + staging.getFileName() + " written and forced");
        Files.createDirectories(bundleDir(bundleId).getParent());
        Files.move(staging, bundleDir(bundleId), StandardCopyOption.ATOMIC_MOVE);
        AtomicFiles.forceFolder(bundleDir(bundleId).getParent());
        CrashPoints.reached("bundles/" + bundleId + " moved into place");
    }

    /** Removes what interrupted imports left behind: staging folders and uncommitted bundle folders. */
    public void removeIncompleteImports() throws IOException {
        List<String> committed = new ArrayList<>();
        for (JournalEntry e : journal().entries()) {
            if (JournalEntry.IMPORT.equals(e.type())) {
                committed.add(e.data().get("bundle_id"));
            }
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (p.getFileName().toString().startsWith(".staging-")) {
                    CaseFiles.deleteTree(p);
                }
            }
        }
        try (Stream<Path> s = Files.list(dir.resolve(BUNDLES))) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (!committed.contains(p.getFileName().toString())) {
                    CaseFiles.deleteTree(p);
                }
            }
        }
    }
}
