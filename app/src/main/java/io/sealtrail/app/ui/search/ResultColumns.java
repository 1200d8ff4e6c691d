package io.sealtrail.app.ui.search;

import io.sealtrail.index.Hit;
import io.sealtrail.index.HitFields;
import io.sealtrail.index.IndexSchema;
import io.sealtrail.index.SortOrder;
import io.sealtrail.verify.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The results table's columns as state: which ones show, in what order, remembered for the user (a
 * {@code table-columns} file in the config folder, one column a line: a habit of the reader, not evidence), what
 * each sorts by in the index, and what a cell means as a filter or as text to copy. A column is an index field
 * ({@link HitFields}) or one of the table's combined columns ({@link #WHERE}, {@link #TARGET}, {@link #COMMAND}).
 * Called on the FX thread; the file is written on the given executor.
 */
public final class ResultColumns {
    public static final String FILE = "table-columns";
    /** {@code bundle:seq}, sorted by bundle id (then time). */
    public static final String WHERE = "bundle:seq";
    /** Target kind and name, sorted and filtered by the name. */
    public static final String TARGET = "target";
    /** The command, or the query where there is none. */
    public static final String COMMAND = "command/query";
    public static final List<String> DEFAULT = List.of(IndexSchema.TIME, WHERE, IndexSchema.OUTCOME, IndexSchema.ACTION,
            IndexSchema.USER_NAME, TARGET, IndexSchema.INTEGRITY, COMMAND);
    private static final Set<String> COMBINED = Set.of(WHERE, TARGET, COMMAND);

    private final ObservableList<String> visible = FXCollections.observableArrayList(DEFAULT);
    private final Path file;
    private final Executor io;
    private final java.util.concurrent.atomic.AtomicReference<byte[]> latest = new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * @param configDir where the choice is remembered; null to remember nothing (tests)
     * @param io        runs the writes
     */
    public ResultColumns(Path configDir, Executor io) {
        this.file = configDir == null ? null : configDir.resolve(FILE);
        this.io = io;
        List<String> saved = read();
        if (!saved.isEmpty()) {
            visible.setAll(saved);
        }
    }

    /** The columns shown, in order (the ★ column is always first and not listed). */
    public ObservableList<String> visible() {
        return visible;
    }

    /** Shows or hides a column; a new one is added at the end. The time column always stays. */
    public void show(String column, boolean on) {
        if (on && !visible.contains(column)) {
            visible.add(column);
        } else if (!on && !IndexSchema.TIME.equals(column)) {
            visible.remove(column);
        } else {
            return;
        }
        save();
    }

    /** Back to the columns a new user sees. */
    public void reset() {
        visible.setAll(DEFAULT);
        save();
    }

    /**
     * Every column that can be shown: the combined ones, every schema field, then the fields of the source records
     * among {@code rows} (a source's own JSON fields, which the index does not hold), sorted by name.
     */
    public static List<String> choices(Collection<Hit> rows) {
        Set<String> out = new LinkedHashSet<>(List.of(WHERE, TARGET, COMMAND));
        out.addAll(HitFields.SCHEMA);
        Set<String> extras = new TreeSet<>();
        for (Hit h : rows) {
            extras.addAll(HitFields.extras(h).keySet());
        }
        out.addAll(extras);
        return List.copyOf(out);
    }

    /** What a column is called in its header. */
    public static String title(String column) {
        return switch (column) {
            case WHERE -> "Bundle:seq";
            case TARGET -> "Target";
            case COMMAND -> "Command / query";
            case IndexSchema.OUTCOME -> "Outcome";
            case IndexSchema.ACTION -> "Action";
            case IndexSchema.USER_NAME -> "User";
            case IndexSchema.INTEGRITY -> "Integrity";
            default -> column;
        };
    }

    /** The index sort of a click on the column's header, or null when the index cannot sort by it. */
    public static SortOrder sortOrder(String column, boolean descending) {
        String field = switch (column) {
            case WHERE -> IndexSchema.BUNDLE_ID;
            case TARGET -> IndexSchema.TARGET_NAME;
            case COMMAND -> IndexSchema.COMMAND_KEYWORD;
            default -> HitFields.sortField(column);
        };
        return field == null ? null : new SortOrder(field, descending);
    }

    /** The column whose header shows {@code order}, among the visible ones, or null. */
    public String columnOf(SortOrder order) {
        return visible.stream().filter(c -> order.equals(sortOrder(c, order.descending()))).findFirst().orElse(null);
    }

    /** The field a cell of the column filters on for this hit: the command, or the query where there is none. */
    public static String field(Hit h, String column) {
        return switch (column) {
            case WHERE -> IndexSchema.BUNDLE_ID;
            case TARGET -> IndexSchema.TARGET_NAME;
            case COMMAND -> h.command() == null && h.query() != null ? IndexSchema.QUERY : IndexSchema.COMMAND;
            default -> column;
        };
    }

    /** The cell's text: the field's values joined by ", ", the combined columns as the table shows them. */
    public static String text(Hit h, String column) {
        return switch (column) {
            case WHERE -> SearchText.shortId(h.bundleId()) + ":" + h.seq();
            case TARGET -> SearchText.join(h.targetKind(), h.targetName());
            default -> HitFields.value(h, field(h, column));
        };
    }

    /** What "Copy value" puts on the clipboard: the whole value (a combined column's full bundle id too). */
    public static String copyText(Hit h, String column) {
        return WHERE.equals(column) ? h.bundleId() + ":" + h.seq() : text(h, column);
    }

    /** What "Copy row" puts on the clipboard: the visible columns' values, tab-separated, times in UTC. */
    public String rowText(Hit h) {
        return visible.stream().map(c -> copyText(h, c).replace('\t', ' ').replace('\n', ' '))
                .collect(Collectors.joining("\t"));
    }

    /** The header row of {@link #rowText}. */
    public String headerText() {
        return visible.stream().map(ResultColumns::title).collect(Collectors.joining("\t"));
    }

    /**
     * Adds a chip that keeps (or, with {@code exclude}, drops) the events whose field has this cell's value; every
     * value of a multi-valued field ({@code user.roles}) is one chip.
     *
     * @return false when the field cannot be searched (a source record's own field) or the cell is empty
     */
    public static boolean filter(SearchViewModel vm, Hit h, String column, boolean exclude) {
        String field = field(h, column);
        List<String> values = HitFields.values(h, field);
        String clauseField = IndexSchema.COMMAND.equals(field) ? IndexSchema.COMMAND_KEYWORD
                : IndexSchema.QUERY.equals(field) ? IndexSchema.QUERY_KEYWORD : field;
        if (values.isEmpty() || HitFields.clause(clauseField, values.get(0)) == null) {
            return false;
        }
        for (String v : values) {
            vm.addFilter(clauseField, v, exclude);
        }
        return true;
    }

    /** Whether a cell of the column can become a filter (its field is in the index). */
    public static boolean filterable(Hit h, String column) {
        String field = field(h, column);
        return !HitFields.values(h, field).isEmpty() && HitFields.clause(field, "x") != null;
    }

    private List<String> read() {
        if (file == null || !Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String c = line.strip();
                if (!c.isEmpty() && !out.contains(c) && (COMBINED.contains(c) || HitFields.SCHEMA.contains(c) || c.contains("."))) {
                    out.add(c);
                }
            }
            if (!out.contains(IndexSchema.TIME)) {
                out.add(0, IndexSchema.TIME);
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return List.of(); // a damaged file is only a habit lost: the default columns show
        }
    }

    private void save() {
        if (file == null) {
            return;
        }
        latest.set(visible.stream().map(c -> c + "\n").collect(Collectors.joining()).getBytes(StandardCharsets.UTF_8));
        Path f = file;
        io.execute(() -> {
            // writes may run out of order on a pool: each writes the latest choice, one at a time
            synchronized (latest) {
                try {
                    Files.createDirectories(f.getParent());
                    AtomicFiles.write(f, AtomicFiles.Existing.REPLACE, latest.get());
                } catch (IOException e) {
                System.getLogger(ResultColumns.class.getName()).log(System.Logger.Level.WARNING,
                            "cannot remember the table's columns in " + f, e);
                }
            }
        });
    }
}
