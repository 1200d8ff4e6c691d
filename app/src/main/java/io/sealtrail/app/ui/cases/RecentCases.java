package io.sealtrail.app.ui.cases;

import io.sealtrail.verify.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The cases opened last, newest first, one absolute path a line in {@code recent-cases} in the config
 * folder. Only paths; a case that no longer exists is dropped when the list is read.
 */
public final class RecentCases {
    public static final String FILE = "recent-cases";
    public static final int MAX = 8;
    private final Path file;

    public RecentCases(Path configDir) {
        this.file = configDir.resolve(FILE);
    }

    /** The recent cases that still exist, newest first. */
    public List<Path> list() {
        List<Path> out = new ArrayList<>();
        try {
            if (!Files.isRegularFile(file)) {
                return out;
            }
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Path p = line.isBlank() ? null : Path.of(line.strip());
                if (p != null && Files.isRegularFile(p.resolve("case.json")) && !out.contains(p)) {
                    out.add(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            return out; // a damaged list is only a convenience lost
        }
        return out.subList(0, Math.min(MAX, out.size()));
    }

    /** Puts {@code caseDir} first; written atomically. */
    public void opened(Path caseDir) throws IOException {
        Path p = caseDir.toAbsolutePath().normalize();
        List<Path> all = new ArrayList<>(list());
        all.remove(p);
        all.add(0, p);
        List<String> lines = all.subList(0, Math.min(MAX, all.size())).stream().map(Path::toString).toList();
        Files.createDirectories(file.getParent());
        AtomicFiles.write(file, AtomicFiles.Existing.REPLACE,
                lines.stream().map(l -> l + "\n").collect(java.util.stream.Collectors.joining())
                        .getBytes(StandardCharsets.UTF_8));
    }
}
