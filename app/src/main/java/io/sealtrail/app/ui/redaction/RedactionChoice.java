package io.sealtrail.app.ui.redaction;

import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.JournalEntry;
import io.sealtrail.index.Redaction;
import io.sealtrail.verify.note.NoteSigner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Whether what leaves a window is redacted, and with which profile (docs/redaction.md): off, the standard profile, or
 * a profile file. Exports and the detail pane's copies follow it; the evidence is never changed. Set on the FX thread;
 * a background export reads the profile it was started with.
 */
public final class RedactionChoice {
    /** The journal entry every redacted export or copy appends, as {@code sealtrail search --redact} does. */
    public static final String JOURNAL_TYPE = "export.redacted";

    private final SimpleObjectProperty<Redaction> profile = new SimpleObjectProperty<>();

    /** The profile chosen, null when nothing is redacted. */
    public ReadOnlyObjectProperty<Redaction> profileProperty() {
        return profile;
    }

    public Redaction profile() {
        return profile.get();
    }

    public boolean on() {
        return profile.get() != null;
    }

    /** Redacts with {@code r} from now on, or with nothing when it is null. */
    public void use(Redaction r) {
        profile.set(r);
    }

    public void off() {
        profile.set(null);
    }

    public void standard() {
        profile.set(Redaction.standard());
    }

    /**
     * Redacts with a profile file from now on.
     *
     * @throws IOException naming the file and line of a rule that is not one; the choice is then unchanged
     */
    public void file(Path f) throws IOException {
        profile.set(Redaction.read(f));
    }

    /** "off", "standard" or the profile file's name. */
    public String label() {
        return on() ? profile.get().name() : "off";
    }

    /**
     * Appends the journal entry that says what left the case redacted: the profile's name and SHA-256, what each rule
     * blanked, and {@code what} (format, query, events, file). Called off the FX thread, after the export is written.
     */
    public static JournalEntry record(CaseFolder c, NoteSigner auditor, Redaction r, Redaction.Counts counts,
                                      Map<String, String> what) throws IOException {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("profile", r.name());
        data.put("profile_sha256", r.sha256());
        data.putAll(what);
        data.put("redacted", counts.toString());
        return c.journal().append(auditor, JOURNAL_TYPE, data);
    }
}
