package io.sealtrail.sources.hoop;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.sources.TerminalText;
import org.junit.jupiter.api.Test;

class SessionTextTest {

    @Test
    void controlSequencesAreRemovedFromSearchableOutput() {
        assertThat(TerminalText.searchable("\u001B]0;deploy@host\u0007\u001B[01;34mdata\u001B[0m\u001B(B ok\r\n"))
                .isEqualTo("data ok\r\n");
    }

    @Test
    void theCutNeverSplitsACharacter() {
        assertThat(TerminalText.cut("aé東", 4)).isEqualTo("aé");
    }

    @Test
    void bytesThatAreNotUtf8BecomeReplacementCharacters() {
        assertThat(TerminalText.decode(new byte[] {'a', (byte) 0xff, 'b'})).isEqualTo("a\uFFFDb");
    }

    @Test
    void aChunkThatIsNotPostgresMessagesHasNoQueries() {
        assertThat(SessionText.postgresQueries("SELECT 1;".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void backspaceTakesBackWhatWasTypedAndCursorKeysAreDropped() {
        assertThat(new String(TerminalText.edited("lss\u007F -l\u001B[D\bla\r".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("ls -la\r");
    }

    @Test
    void aPostgresStartupMessageIsMessagesWithoutQueries() {
        byte[] startup = {0, 0, 0, 8, 0x04, (byte) 0xd2, 0x16, 0x2f}; // SSLRequest

        assertThat(SessionText.postgresQueries(startup)).isEmpty();
    }

    @Test
    void aMysqlComQueryPacketIsReadAsItsSql() {
        byte[] sql = "SELECT 1".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] packet = new byte[5 + sql.length];
        packet[0] = (byte) (sql.length + 1);
        packet[4] = 0x03;
        System.arraycopy(sql, 0, packet, 5, sql.length);

        assertThat(SessionText.mysqlQueries(packet)).containsExactly("SELECT 1");
    }

    @Test
    void flattenedBase64OutputIsDecodedAndTextIsKeptAsItIs() {
        assertThat(SessionText.base64Text("RFJPUCBUQUJMRQo=")).isEqualTo("DROP TABLE\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(SessionText.base64Text("UPDATE 1\n")).isEqualTo("UPDATE 1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
