package io.sealtrail.app.ui.session;

import io.sealtrail.cases.CaseFolder;
import io.sealtrail.report.ReportSearch;
import java.nio.file.Path;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What one workbench window has open: the case (none at first), whether one is being opened, why the last
 * open failed, and the query scope of the case's search. One per window, made where the window is composed;
 * the features of the window observe it instead of reaching into each other (docs/decisions/0015-window-shell.md).
 *
 * <p>Only the feature that opens cases (ui.search's CaseViewModel) calls {@link #opening}, {@link #opened} and
 * {@link #failed}; everything changes on the FX thread.
 */
public final class CaseSession {
    private final QueryScope scope;
    private final ReadOnlyObjectWrapper<CaseFolder> openCase = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper damage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper answersFrom = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper fallback = new ReadOnlyStringWrapper("");
    private ReportSearch report;

    /** @param scope the query, time range and zone of the window's search, and its index */
    public CaseSession(QueryScope scope) {
        this.scope = Objects.requireNonNull(scope);
    }

    /** The window's search as the other features see it: what is being looked at, and a way to show events. */
    public QueryScope scope() {
        return scope;
    }

    // --- transitions (the case opener's) ---

    /** A case is being opened: the window takes the case's layout, a previous failure is forgotten. */
    public void opening() {
        error.set("");
        opening.set(true);
    }

    /** The case is open: its name first, then the case, then the end of opening (observers rely on this order). */
    public void opened(CaseFolder c) {
        opened(c, "the local index", null);
    }

    /**
     * As {@link #opened(CaseFolder)}, saying where the answers come from and, when the case's cluster could not be
     * searched, why (docs/opensearch.md).
     */
    public void opened(CaseFolder c, String answersFrom, String fallback) {
        opened(c, answersFrom, fallback, "");
    }

    /**
     * As {@link #opened(CaseFolder, String, String)}, for a case opened read-only around a damaged part:
     * {@code damage} says what cannot be searched or relied on, and why (empty: nothing).
     */
    public void opened(CaseFolder c, String answersFrom, String fallback, String damage) {
        opened(c, answersFrom, fallback, damage, null);
    }

    /**
     * As {@link #opened(CaseFolder, String, String, String)}, with the search a report of the case is to use: the
     * window's own when it answers from the case's cluster, null when the case's local index answers (a report
     * opens that whole for itself).
     */
    public void opened(CaseFolder c, String answersFrom, String fallback, String damage, ReportSearch report) {
        this.report = report;
        this.damage.set(Objects.requireNonNull(damage));
        this.answersFrom.set(answersFrom);
        this.fallback.set(fallback == null ? "" : fallback);
        name.set(c.name());
        openCase.set(c);
        opening.set(false);
    }

    /** Opening failed; a case opened before stays open. */
    public void failed(String why) {
        opening.set(false);
        error.set(why);
    }

    // --- what features observe ---

    /** The open case, null while none is. */
    public ReadOnlyObjectProperty<CaseFolder> caseProperty() {
        return openCase.getReadOnlyProperty();
    }

    /** The open case's folder, null while none is. */
    public Path dir() {
        CaseFolder c = openCase.get();
        return c == null ? null : c.dir();
    }

    /** Adds a line to what the open case's notice says (a check that ends after the case showed). */
    public void addDamage(String line) {
        damage.set(damage.get().isEmpty() ? line : damage.get() + "\n" + line);
    }

    /**
     * What is wrong with the open case (what cannot be searched and why, a journal that does not verify, files that
     * differ from what their import recorded); empty when nothing is, or no case is open.
     */
    public ReadOnlyStringProperty damageProperty() {
        return damage.getReadOnlyProperty();
    }

    /** The case's name, empty while no case is open. */
    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    /** True from {@link #opening} until the case is open or fails to open. */
    public ReadOnlyBooleanProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }

    /** Where the open case's answers come from: "the local index" or "OpenSearch at URL"; empty while none is open. */
    public ReadOnlyStringProperty answersFromProperty() {
        return answersFrom.getReadOnlyProperty();
    }

    /**
     * Why the cluster the open case lives in is not searched (its URL and the error), so that its local index
     * answers instead; empty when the case is searched where it lives.
     */
    public ReadOnlyStringProperty fallbackProperty() {
        return fallback.getReadOnlyProperty();
    }

    /**
     * The search a report of the open case uses, as the window's search answers (docs/opensearch.md): the cluster's,
     * or null for the case's local index.
     */
    public ReportSearch reportSearch() {
        return report;
    }

    /** Why the last open failed, empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
