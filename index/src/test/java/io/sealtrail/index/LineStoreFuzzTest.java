package io.sealtrail.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sealtrail.testing.FuzzBounds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the line store (docs/testing.md, "Fuzzing"), which holds the raw lines beside the index: a store is
 * written from fuzzed lines, then its two files are damaged in fuzzed ways (bits flipped, bytes cut or added, a
 * file replaced). What {@link LineStore} promises is the property: a damaged store is an {@link IOException} when it
 * is opened or when a line is read, never a different line; an undamaged one gives back every line as written.
 */
@Timeout(10) // per input; read by Jazzer as libFuzzer's -timeout too (docs/testing.md, "Fuzzing")
class LineStoreFuzzTest {
    private static final String[] FILES = {LineStore.DATA, LineStore.INDEX};
    private static Path work;

    @BeforeAll
    static void createFolder() throws IOException {
        work = Files.createTempDirectory("sealtrail-linestore-fuzz-");
    }

    @AfterAll
    static void deleteFolder() throws IOException {
        IndexFiles.deleteTree(work);
    }

    private record Written(byte[] bytes, boolean cut) {
    }

    @FuzzTest(maxDuration = "60s")
    void aDamagedStoreIsAnErrorNeverAnotherLine(FuzzedDataProvider data) throws IOException {
        Path dir = work.resolve("store");
        IndexFiles.deleteTree(dir);
        Files.createDirectories(dir);
        List<Written> lines = new ArrayList<>();
        try (LineStore.Writer w = new LineStore.Writer(dir)) {
            // past 256 lines a store has a second block, so a few inputs reach the block index
            for (int n = data.consumeInt(0, 600); n > 0; n--) {
                byte[] line = data.consumeBytes(data.consumeInt(0, 300));
                boolean cut = data.consumeBoolean();
                w.add(line, 0, line.length, cut);
                lines.add(new Written(line, cut));
            }
        }
        boolean damaged = false;
        for (int edits = data.consumeInt(0, 3); edits > 0; edits--) {
            damaged |= damage(dir.resolve(data.pickValue(FILES)), data);
        }

        FuzzBounds bounds = FuzzBounds.start(Files.size(dir.resolve(LineStore.DATA))
                + Files.size(dir.resolve(LineStore.INDEX)));
        LineStore.Reader reader;
        try {
            reader = LineStore.Reader.open(dir);
        } catch (IOException e) {
            assertThat(damaged).as("an undamaged store opens: %s", e).isTrue();
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        try (reader) {
            if (!damaged) {
                assertThat(reader.lines()).isEqualTo(lines.size());
            }
            for (long ord = 0; ord < Math.min(reader.lines(), lines.size() + 1L); ord++) {
                LineStore.Line line;
                try {
                    line = reader.line(ord);
                } catch (IOException e) {
                    assertThat(damaged).as("line %d of an undamaged store: %s", ord, e).isTrue();
                    continue;
                }
                assertThat(ord).as("a line the store never held").isLessThan(lines.size());
                assertThat(line.bytes()).as("line %d", ord).isEqualTo(lines.get((int) ord).bytes());
                assertThat(line.cut()).as("line %d cut", ord).isEqualTo(lines.get((int) ord).cut());
            }
        }
        bounds.check();
    }

    /** @return whether the file's bytes changed */
    private static boolean damage(Path file, FuzzedDataProvider data) throws IOException {
        byte[] b = Files.readAllBytes(file);
        byte[] out = switch (data.consumeInt(0, 3)) {
            case 0 -> {
                byte[] c = b.clone();
                if (c.length > 0) {
                    c[data.consumeInt(0, c.length - 1)] ^= (byte) data.consumeInt(1, 255);
                }
                yield c;
            }
            case 1 -> java.util.Arrays.copyOf(b, data.consumeInt(0, b.length));
            case 2 -> {
                byte[] more = data.consumeBytes(data.consumeInt(1, 64));
                byte[] c = java.util.Arrays.copyOf(b, b.length + more.length);
                System.arraycopy(more, 0, c, b.length, more.length);
                yield c;
            }
            default -> data.consumeBytes(data.consumeInt(0, 512));
        };
        Files.write(file, out);
        return !java.util.Arrays.equals(b, out);
    }
}
