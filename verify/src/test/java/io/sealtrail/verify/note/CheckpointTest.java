package io.sealtrail.verify.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointTest {

  private static final String ROOT = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";

  @Test
  void parsesSpecExampleCheckpoint() throws Exception {
    Checkpoint cp = Checkpoint.parse("example.com/behind-the-sofa\n20852163\n" + ROOT + "\n");
    assertThat(cp.origin()).isEqualTo("example.com/behind-the-sofa");
    assertThat(cp.size()).isEqualTo(20852163L);
    assertThat(cp.rootHash()).isEqualTo(Base64.getDecoder().decode(ROOT));
    assertThat(cp.extensions()).isEmpty();
  }

  @Test
  void encodeRoundTripsWithExtensions() throws Exception {
    String text = "example.com/log\n0\n" + ROOT + "\next one\next two\n";
    Checkpoint cp = Checkpoint.parse(text);
    assertThat(cp.extensions()).containsExactly("ext one", "ext two");
    assertThat(cp.encode()).isEqualTo(text);
  }

  @Test
  void equalsByValue() throws Exception {
    String text = "o\n1\n" + ROOT + "\n";
    assertThat(Checkpoint.parse(text)).isEqualTo(new Checkpoint("o", 1, Base64.getDecoder().decode(ROOT), List.of()));
  }

  @Test
  void rejectsLeadingZerosInSize() {
    assertRejected("o\n007\n" + ROOT + "\n", "line 2");
  }

  @Test
  void rejectsSignedSize() {
    assertRejected("o\n+7\n" + ROOT + "\n", "leading zeros");
  }

  @Test
  void rejectsSizeBeyondLong() {
    assertRejected("o\n9223372036854775808\n" + ROOT + "\n", "too large");
  }

  @Test
  void rejects31ByteRoot() {
    String root31 = Base64.getEncoder().encodeToString(new byte[31]);
    assertRejected("o\n1\n" + root31 + "\n", "31 bytes");
  }

  @Test
  void rejectsEmptyOrigin() {
    assertRejected("\n1\n" + ROOT + "\n", "origin is empty");
  }

  @Test
  void rejectsMissingFinalNewline() {
    assertRejected("o\n1\n" + ROOT, "newline");
  }

  @Test
  void rejectsMissingRootLine() {
    assertRejected("o\n1\n", "needs origin, size and root hash");
  }

  @Test
  void rejectsEmptyExtensionLine() {
    assertRejected("o\n1\n" + ROOT + "\n\n", "line 4: extension line is empty");
  }

  private static void assertRejected(String text, String message) {
    assertThatThrownBy(() -> Checkpoint.parse(text))
        .isInstanceOf(NoteFormatException.class)
        .hasMessageContaining(message);
  }
}
