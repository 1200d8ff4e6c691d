package io.sealtrail.app.ui.search;

import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.ImportRecord;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.IndexException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;

/**
 * The open case: reads case.json and the import records, opens every bundle's index together for
 * {@link SearchViewModel}, and hands the evidence copies to the verification view. Opening runs on the
 * background executor; only the newest open's result is applied (generation number).
 */
public final class CaseViewModel {
    private static final System.Logger LOG = System.getLogger(CaseViewModel.class.getName());

    private final SearchViewModel search;
    private final Consumer<List<Path>> verifyBundles;
    private final Executor background;
    private final Executor fxThread;
    private final SimpleStringProperty name = new SimpleStringProperty("");
    private final SimpleStringProperty error = new SimpleStringProperty("");
    private final SimpleObjectProperty<CaseFolder> folder = new SimpleObjectProperty<>();
    private long generation;
    private Path dir;

    /** @param verifyBundles opens bundle files in the verification view (the evidence copies of the case) */
    public CaseViewModel(SearchViewModel search, Consumer<List<Path>> verifyBundles, Executor background,
                         Executor fxThread) {
        this.search = search;
        this.verifyBundles = verifyBundles;
        this.background = background;
        this.fxThread = fxThread;
    }

    /** What opening found: the case and, per bundle, its evidence copy and index folder. */
    record Opened(CaseFolder folder, List<Path> evidence, EventSearch index) {
    }

    /** Opens a case folder (one holding case.json); on success its name and bundles show, and search covers them all. */
    public void open(Path caseDir) {
        long gen = ++generation;
        error.set("");
        background.execute(() -> {
            try {
                Opened o = read(caseDir);
                fxThread.execute(() -> {
                    if (gen != generation) {
                        closeQuietly(o.index());
                        return;
                    }
                    EventSearch old = search.index();
                    dir = o.folder().dir();
                    name.set(o.folder().name());
                    folder.set(o.folder());
                    search.setIndex(o.index());
                    // verifying the evidence copies takes both cores for a while: after the first rows show
                    afterFirstResult(() -> verifyBundles.accept(o.evidence()));
                    if (old != null) {
                        background.execute(() -> closeQuietly(old)); // after searches running on it finish
                    }
                });
            } catch (IOException | IndexException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "opening case " + caseDir + " failed", e);
                fxThread.execute(() -> {
                    if (gen == generation) {
                        error.set("Cannot open the case " + caseDir + ": " + e.getMessage());
                    }
                });
            }
        });
    }

    private void afterFirstResult(Runnable r) {
        if (!search.busyProperty().get()) {
            r.run();
            return;
        }
        search.busyProperty().addListener(new javafx.beans.value.ChangeListener<Boolean>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (!now) {
                    search.busyProperty().removeListener(this);
                    r.run();
                }
            }
        });
    }

    static Opened read(Path caseDir) throws IOException, IndexException {
        CaseFolder c = CaseFolder.open(caseDir, Clock.systemUTC());
        List<Path> evidence = new ArrayList<>();
        List<Path> indexes = new ArrayList<>();
        for (ImportRecord r : c.bundles()) {
            Path b = c.bundleDir(r.bundleId());
            evidence.add(r.evidence(b));
            indexes.add(b.resolve("index"));
        }
        if (indexes.isEmpty()) {
            throw new IOException("the case has no imported bundles yet (sealtrail import … --case " + caseDir + ")");
        }
        return new Opened(c, evidence, EventSearch.open(indexes));
    }

    private static void closeQuietly(EventSearch s) {
        try {
            s.close();
        } catch (IndexException e) {
            LOG.log(System.Logger.Level.WARNING, "closing an index failed", e);
        }
    }

    /** The case's name, empty while no case is open. */
    public ReadOnlyStringProperty nameProperty() {
        return name;
    }

    /** Why the last open failed, empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** The open case, null while none is. */
    public ReadOnlyObjectProperty<CaseFolder> folderProperty() {
        return folder;
    }

    public Path dir() {
        return dir;
    }
}
