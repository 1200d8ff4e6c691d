package io.sealtrail.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Line splitting: across reads and buffers, the unterminated last line, and lines beyond the limit. */
class SegmentLinesTest {
    record Line(long leaf, long line, String text, byte[] hash) {
    }

    private static List<Line> split(byte[] data, int readSize) throws Exception {
        List<Line> out = new ArrayList<>();
        InputStream in = new FilterInputStream(new ByteArrayInputStream(data)) {
            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                return super.read(b, off, Math.min(len, readSize));
            }
        };
        SegmentLines.split(in, "events/x.jsonl", 100, b -> {
            for (int i = 0; i < b.count(); i++) {
                out.add(new Line(b.firstLeaf() + i, b.firstLine() + i,
                        new String(b.data(), b.starts()[i], b.lengths()[i], StandardCharsets.UTF_8),
                        b.hashes() == null ? null : b.hashes()[i]));
            }
        });
        return out;
    }

    @Test
    void linesSplitAtLfWhateverTheReadSize() throws Exception {
        byte[] data = "a\nbb\n\nccc\n".getBytes(StandardCharsets.UTF_8);
        assertThat(split(data, 1).stream().map(Line::text)).containsExactly("a", "bb", "", "ccc");
        assertThat(split(data, 1 << 20).stream().map(Line::leaf)).containsExactly(100L, 101L, 102L, 103L);
    }

    @Test
    void unterminatedLastLineIsStillALine() throws Exception {
        assertThat(split("a\nb".getBytes(StandardCharsets.UTF_8), 7).stream().map(Line::text)).containsExactly("a", "b");
    }

    @Test
    void manyLinesSpanSeveralBuffersInOrder() throws Exception {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            s.append("line ").append(i).append(" ").append("x".repeat(i % 50)).append('\n');
        }
        List<Line> lines = split(s.toString().getBytes(StandardCharsets.UTF_8), 65_536);
        assertThat(lines).hasSize(100_000);
        assertThat(lines.get(99_999).text()).startsWith("line 99999 ");
        assertThat(lines.get(99_999).line()).isEqualTo(100_000);
    }

    @Test
    void overLongLineKeepsItsStartAndTheHashOfAllOfIt() throws Exception {
        byte[] longLine = new byte[SegmentLines.MAX_LINE + 12345];
        Arrays.fill(longLine, (byte) 'x');
        byte[] data = new byte[longLine.length + 6];
        System.arraycopy(longLine, 0, data, 0, longLine.length);
        System.arraycopy("\nnext\n".getBytes(StandardCharsets.US_ASCII), 0, data, longLine.length, 6);
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update((byte) 0);
        byte[] expected = md.digest(longLine);

        List<Line> lines = split(data, 1 << 16);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).hash()).isEqualTo(expected);
        assertThat(lines.get(0).text().length()).isBetween(SegmentLines.MAX_LINE, longLine.length);
        assertThat(lines.get(1).text()).isEqualTo("next");
        assertThat(lines.get(1).leaf()).isEqualTo(101);
    }
}
