package io.sealtrail.index;

import io.sealtrail.sources.ReadContext;
import io.sealtrail.sources.SourceFile;
import io.sealtrail.sources.SourceFormat;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Indexes of one fixture of the sources module read by its format, as an import of it would build, for search tests. */
final class SourceIndexes {
    private SourceIndexes() {
    }

    /** A fixture of sources/src/test/resources, found from the module folder the tests run in. */
    static Path fixture(String resource) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path f = p.resolve("sources/src/test/resources").resolve(resource);
            if (Files.isRegularFile(f)) {
                return f;
            }
        }
        throw new IllegalStateException("no sources/src/test/resources/" + resource + " above " + Path.of("").toAbsolutePath());
    }

    /** Reads the fixture with {@code format} into an index in {@code dir} (no integrity evidence) and opens it. */
    static EventSearch open(SourceFormat format, String resource, Path dir) throws Exception {
        Path file = fixture(resource);
        String name = file.getFileName().toString();
        Path index = dir.resolve("index");
        SourceIndexBuilder.build(format.name() + "-test", format.name(), "0".repeat(64), sink -> {
            try (InputStream in = Files.newInputStream(file)) {
                format.read(in, new SourceFile(name, Instant.EPOCH), ReadContext.defaults(), sink);
            }
        }, Map.of(name, Integrity.UNSEALED), r -> { }, index, IndexBuilder.Progress.NONE, () -> false, 2);
        return EventSearch.open(List.of(index));
    }
}
