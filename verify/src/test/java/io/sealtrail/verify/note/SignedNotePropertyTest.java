package io.sealtrail.verify.note;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class SignedNotePropertyTest {

  private static final NoteSigner SIGNER = Fixtures.signer("example.com/log", 4);

  @Property(tries = 500)
  void flippingAnyByteMakesNoteUnparseableOrUnaccepted(
      @ForAll("texts") String text,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int position,
      @ForAll @IntRange(min = 1, max = 255) int mask) {
    byte[] note = SIGNER.sign(text);
    note[position % note.length] ^= (byte) mask;
    SignedNote parsed;
    try {
      parsed = SignedNote.parse(note);
    } catch (NoteFormatException e) {
      return;
    }
    assertThat(parsed.verify(List.of(SIGNER.verifierKey())).accepted()).isFalse();
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings()
        .withCharRange(' ', '~')
        .withChars('\n', '\u00e9', '\u2014', '\u4e16')
        .ofMaxLength(120)
        .map(s -> s + "\n");
  }
}
