package io.sealtrail.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    private static List<String> lines(InputStream in) throws IOException {
        LineReader r = new LineReader(in);
        List<String> out = new ArrayList<>();
        while (r.next()) {
            out.add(r.number() + ":" + new String(r.bytes(), StandardCharsets.UTF_8) + (r.cut() ? "!" : ""));
        }
        return out;
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void numbersLinesAndDropsLfAndCrLf() throws IOException {
        assertThat(lines(text("a\r\nb\n\nc"))).containsExactly("1:a", "2:b", "3:", "4:c");
    }

    @Test
    void aFinalLfMakesNoEmptyLastLine() throws IOException {
        assertThat(lines(text("a\n"))).containsExactly("1:a");
    }

    @Test
    void readsLinesAcrossBufferBoundariesWhenTheStreamGivesOneByteAtATime() throws IOException {
        InputStream slow = new ByteArrayInputStream("first line\nsecond\n".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        assertThat(lines(slow)).containsExactly("1:first line", "2:second");
    }

    @Test
    void cutsALineLongerThanTheLimitAndGoesOnWithTheNext() throws IOException {
        byte[] big = new byte[LineReader.MAX_LINE + 10];
        java.util.Arrays.fill(big, (byte) 'x');
        byte[] all = new byte[big.length + 4];
        System.arraycopy(big, 0, all, 0, big.length);
        all[big.length] = '\n';
        all[big.length + 1] = 'o';
        all[big.length + 2] = 'k';
        all[big.length + 3] = '\n';
        LineReader r = new LineReader(new ByteArrayInputStream(all));
        assertThat(r.next()).isTrue();
        assertThat(r.cut()).isTrue();
        assertThat(r.length()).isEqualTo(LineReader.MAX_LINE);
        assertThat(r.next()).isTrue();
        assertThat(new String(r.bytes(), StandardCharsets.UTF_8)).isEqualTo("ok");
        assertThat(r.number()).isEqualTo(2);
        assertThat(r.next()).isFalse();
    }
}
