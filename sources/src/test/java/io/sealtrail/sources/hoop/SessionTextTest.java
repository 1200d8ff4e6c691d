package io.sealtrail.sources.hoop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionTextTest {

    @Test
    void controlSequencesAreRemovedFromSearchableOutput() {
        assertThat(SessionText.searchable("\u001B]0;deploy@host\u0007\u001B[01;34mdata\u001B[0m\u001B(B ok\r\n"))
                .isEqualTo("data ok\r\n");
    }

    @Test
    void theCutNeverSplitsACharacter() {
        assertThat(SessionText.cut("aé東", 4)).isEqualTo("aé");
    }

    @Test
    void bytesThatAreNotUtf8BecomeReplacementCharacters() {
        assertThat(SessionText.decode(new byte[] {'a', (byte) 0xff, 'b'})).isEqualTo("a\uFFFDb");
    }

    @Test
    void aChunkThatIsNotPostgresMessagesHasNoQueries() {
        assertThat(SessionText.postgresQueries("SELECT 1;".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void backspaceTakesBackWhatWasTypedAndCursorKeysAreDropped() {
        assertThat(new String(SessionText.edited("lss\u007F -l\u001B[D\bla\r".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("ls -la\r");
    }
}
