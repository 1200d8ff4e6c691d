package io.sealtrail.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineStoreTest {
    @TempDir
    Path dir;

    private List<byte[]> write(int n, long seed) throws IOException {
        Random r = new Random(seed);
        List<byte[]> lines = new ArrayList<>();
        try (LineStore.Writer w = new LineStore.Writer(dir)) {
            for (int i = 0; i < n; i++) {
                int len = r.nextInt(50) == 0 ? 70_000 + r.nextInt(10_000) : r.nextInt(900); // some longer than a block
                byte[] line = new byte[len];
                for (int k = 0; k < len; k++) {
                    line[k] = (byte) ('a' + r.nextInt(8)); // compressible, like JSON
                }
                byte[] buf = new byte[len + 10];
                System.arraycopy(line, 0, buf, 5, len);
                w.add(buf, 5, len, i % 97 == 3);
                lines.add(line);
            }
        }
        return lines;
    }

    @Test
    void everyLineComesBackByItsOrdinalInAnyOrder() throws IOException {
        List<byte[]> lines = write(3_000, 1);
        try (LineStore.Reader r = LineStore.Reader.open(dir)) {
            assertThat(r.lines()).isEqualTo(3_000);
            Random order = new Random(2);
            for (int k = 0; k < 6_000; k++) {
                int i = order.nextInt(lines.size());
                LineStore.Line l = r.line(i);
                assertThat(l.bytes()).as("line %d", i).isEqualTo(lines.get(i));
                assertThat(l.cut()).isEqualTo(i % 97 == 3);
            }
        }
    }

    @Test
    void anEmptyStoreHoldsNoLines() throws IOException {
        new LineStore.Writer(dir).close();
        try (LineStore.Reader r = LineStore.Reader.open(dir)) {
            assertThat(r.lines()).isZero();
            assertThatThrownBy(() -> r.line(0)).isInstanceOf(IOException.class).hasMessageContaining("no line 0");
        }
    }

    @Test
    void anOrdinalOutsideTheStoreIsAnErrorNamingTheFile() throws IOException {
        write(10, 3);
        try (LineStore.Reader r = LineStore.Reader.open(dir)) {
            assertThatThrownBy(() -> r.line(10)).isInstanceOf(IOException.class)
                    .hasMessageContaining(LineStore.DATA).hasMessageContaining("no line 10");
            assertThatThrownBy(() -> r.line(-1)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void aBlockIndexOfAnotherKindIsRefused() throws IOException {
        write(10, 4);
        Files.writeString(dir.resolve(LineStore.INDEX), "not an index", StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> LineStore.Reader.open(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining(LineStore.INDEX);
    }

    @Test
    void aDamagedBlockIsAnErrorNotAWrongLine() throws IOException {
        write(600, 5);
        Path data = dir.resolve(LineStore.DATA);
        byte[] bytes = Files.readAllBytes(data);
        bytes[20] ^= 0x7f; // the first block's byte count (after the 16-byte header and its line count)
        Files.write(data, bytes);
        try (LineStore.Reader r = LineStore.Reader.open(dir)) {
            assertThatThrownBy(() -> r.line(0)).isInstanceOf(IOException.class).hasMessageContaining("corrupt block 0");
        }
    }

    @Test
    void aChangedByteInsideACompressedBlockIsAnErrorNotAWrongLine() throws IOException {
        List<byte[]> lines = write(600, 7);
        Path data = dir.resolve(LineStore.DATA);
        byte[] bytes = Files.readAllBytes(data);
        bytes[bytes.length - 100] ^= 0x01; // deep inside the last block's LZ4 data
        Files.write(data, bytes);
        try (LineStore.Reader r = LineStore.Reader.open(dir)) {
            assertThat(r.line(0).bytes()).isEqualTo(lines.get(0)); // other blocks still read
            assertThatThrownBy(() -> r.line(599)).isInstanceOf(IOException.class).hasMessageContaining("checksum");
        }
    }

    @Test
    void aChangedOrdinalInTheBlockIndexIsRefusedNotFollowed() throws IOException {
        write(2_000, 8);
        Path idx = dir.resolve(LineStore.INDEX);
        byte[] bytes = Files.readAllBytes(idx);
        int secondFirstOrd = 16 + 8 + 4 + 16; // header, lines, blocks, then block 1's first ordinal
        bytes[secondFirstOrd + 7] -= 1; // one line earlier: still in order, but every line of it would shift
        Files.write(idx, bytes);
        assertThatThrownBy(() -> LineStore.Reader.open(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining(LineStore.INDEX).hasMessageContaining("checksum");
    }

    @Test
    void randomDamageToTheDataGivesTheRightLineOrAnErrorNeverAnotherLine() throws IOException {
        List<byte[]> lines = write(1_500, 9);
        Path data = dir.resolve(LineStore.DATA);
        byte[] clean = Files.readAllBytes(data);
        Random r = new Random(10);
        for (int trial = 0; trial < 40; trial++) {
            byte[] damaged = clean.clone();
            for (int k = 0; k < 1 + r.nextInt(3); k++) {
                damaged[16 + r.nextInt(damaged.length - 16)] ^= (byte) (1 + r.nextInt(255));
            }
            Files.write(data, damaged);
            try (LineStore.Reader reader = LineStore.Reader.open(dir)) {
                for (int i = 0; i < lines.size(); i += 7) {
                    try {
                        assertThat(reader.line(i).bytes()).as("trial %d line %d", trial, i).isEqualTo(lines.get(i));
                    } catch (IOException expected) {
                        assertThat(expected).hasMessageContaining(LineStore.DATA);
                    }
                }
            }
        }
    }

    @Test
    void aCutShortIndexIsRefused() throws IOException {
        write(600, 6);
        Path idx = dir.resolve(LineStore.INDEX);
        byte[] bytes = Files.readAllBytes(idx);
        Files.write(idx, java.util.Arrays.copyOf(bytes, bytes.length - 12));
        assertThatThrownBy(() -> LineStore.Reader.open(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("cut short");
    }
}
