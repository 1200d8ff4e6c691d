package io.sealtrail.verify.note;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Deterministic keys and the example from signed-note.md. */
final class Fixtures {

  /** Verifier key and note from the C2SP signed-note spec's "Example" section. */
  static final String SPEC_VKEY =
      "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";
  static final String SPEC_NOTE = "This is an example message.\n\n"
      + "\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";

  static final String CHECKPOINT_TEXT =
      "example.com/log\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

  private Fixtures() {}

  static byte[] seed(int fill) {
    byte[] seed = new byte[32];
    Arrays.fill(seed, (byte) fill);
    return seed;
  }

  static NoteSigner signer(String name, int fill) {
    return NoteSigner.fromSeed(name, seed(fill));
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
