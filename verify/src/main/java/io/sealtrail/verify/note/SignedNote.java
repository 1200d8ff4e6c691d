package io.sealtrail.verify.note;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A C2SP signed note: UTF-8 text ending in a newline, a blank line, then one or more signature
 * lines. The text MUST be treated as untrusted until {@link #verify} accepts it.
 */
public record SignedNote(String text, List<NoteSignature> signatures) {

  /** Upper bound on an encoded note; real checkpoints are a few hundred bytes. */
  public static final int MAX_NOTE_BYTES = 1 << 20;
  /** Upper bound on signature lines (the spec requires accepting at least 16). */
  public static final int MAX_SIGNATURES = 100;

  public SignedNote {
    checkText(text);
    signatures = List.copyOf(signatures);
    if (signatures.isEmpty()) {
      throw new IllegalArgumentException("a signed note needs at least one signature");
    }
  }

  /** Parses a note strictly; see the class comment for the format. */
  public static SignedNote parse(byte[] note) throws NoteFormatException {
    if (note.length > MAX_NOTE_BYTES) {
      throw new NoteFormatException(
          "note is " + note.length + " bytes, more than the limit of " + MAX_NOTE_BYTES);
    }
    String s = decodeUtf8(note);
    NoteCodec.checkNoControlChars(s, "note");
    if (!s.endsWith("\n")) {
      throw new NoteFormatException("note does not end with a newline");
    }
    // The text may contain blank lines itself, so the signature block starts after the last one.
    int split = s.lastIndexOf("\n\n");
    if (split < 0) {
      throw new NoteFormatException("note has no blank line separating text and signatures");
    }
    String text = s.substring(0, split + 1);
    String block = s.substring(split + 2);
    if (block.isEmpty()) {
      throw new NoteFormatException("note has no signature lines");
    }
    int firstSigLine = (int) text.chars().filter(c -> c == '\n').count() + 2;
    String[] lines = block.substring(0, block.length() - 1).split("\n", -1);
    if (lines.length > MAX_SIGNATURES) {
      throw new NoteFormatException(
          "note has " + lines.length + " signature lines, more than the limit of " + MAX_SIGNATURES);
    }
    List<NoteSignature> sigs = new ArrayList<>(lines.length);
    for (int i = 0; i < lines.length; i++) {
      sigs.add(parseSignatureLine(lines[i], firstSigLine + i));
    }
    return new SignedNote(text, sigs);
  }

  private static NoteSignature parseSignatureLine(String line, int lineNo)
      throws NoteFormatException {
    String where = "line " + lineNo + ": ";
    if (!line.startsWith(NoteSignature.PREFIX)) {
      throw new NoteFormatException(where + "signature line does not start with '\u2014 '");
    }
    String rest = line.substring(NoteSignature.PREFIX.length());
    int space = rest.indexOf(' ');
    if (space < 0) {
      throw new NoteFormatException(where + "signature line has no space before the signature");
    }
    String name = rest.substring(0, space);
    if (!NoteCodec.isValidName(name)) {
      throw new NoteFormatException(where + "invalid key name '" + name + "'");
    }
    byte[] body;
    try {
      body = NoteCodec.decodeBase64(rest.substring(space + 1), "signature");
    } catch (NoteFormatException e) {
      throw new NoteFormatException(where + e.getMessage(), e);
    }
    if (body.length < 5) {
      throw new NoteFormatException(
          where + "signature is " + body.length + " bytes, needs a 4-byte key id and a signature");
    }
    int keyId = ByteBuffer.wrap(body, 0, 4).getInt();
    return new NoteSignature(name, keyId, Arrays.copyOfRange(body, 4, body.length));
  }

  private static String decodeUtf8(byte[] bytes) throws NoteFormatException {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new NoteFormatException("note is not valid UTF-8", e);
    }
  }

  /** The note bytes: text, blank line, signature lines. */
  public byte[] encode() {
    StringBuilder sb = new StringBuilder(text).append('\n');
    signatures.forEach(sig -> sb.append(sig.line()));
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A copy with one more signature line appended. */
  public SignedNote withSignature(NoteSignature signature) {
    List<NoteSignature> all = new ArrayList<>(signatures);
    all.add(signature);
    return new SignedNote(text, all);
  }

  /**
   * Checks every signature made by a key in {@code keys} (matched on both name and key id);
   * signatures from other keys are reported as unknown and otherwise ignored.
   */
  public NoteVerification verify(Collection<VerifierKey> keys) {
    Set<VerifierKey> verified = new LinkedHashSet<>();
    Set<VerifierKey> failed = new LinkedHashSet<>();
    List<NoteSignature> unknown = new ArrayList<>();
    byte[] textBytes = text.getBytes(StandardCharsets.UTF_8);
    for (NoteSignature sig : signatures) {
      VerifierKey key = keys.stream()
          .filter(k -> k.name().equals(sig.keyName()) && k.keyId() == sig.keyId())
          .findFirst()
          .orElse(null);
      if (key == null) {
        unknown.add(sig);
      } else if (verifies(key, textBytes, sig.rawSignature())) {
        verified.add(key);
      } else {
        failed.add(key);
      }
    }
    // A key that signed twice, once badly, is not trustworthy for this note.
    verified.removeAll(failed);
    return new NoteVerification(List.copyOf(verified), List.copyOf(failed), unknown);
  }

  private static boolean verifies(VerifierKey key, byte[] text, byte[] sig) {
    if (key.type() == VerifierKey.TYPE_ED25519) {
      return Ed25519.verify(key.rawPublicKey(), text, sig);
    }
    // cosignature/v1: u64 timestamp || Ed25519 over "cosignature/v1\ntime <t>\n" || text.
    if (sig.length != 8 + Ed25519.SIGNATURE_SIZE) {
      return false;
    }
    long timestamp = ByteBuffer.wrap(sig, 0, 8).getLong();
    if (timestamp < 0) {
      return false;
    }
    byte[] message = cosignedMessage(text, timestamp);
    return Ed25519.verify(
        key.rawPublicKey(), message, Arrays.copyOfRange(sig, 8, sig.length));
  }

  static byte[] cosignedMessage(byte[] text, long timestamp) {
    byte[] header = ("cosignature/v1\ntime " + timestamp + "\n").getBytes(StandardCharsets.US_ASCII);
    byte[] message = Arrays.copyOf(header, header.length + text.length);
    System.arraycopy(text, 0, message, header.length, text.length);
    return message;
  }

  /** Text rules shared with signing: ends with a newline, no control characters but newline. */
  static void checkText(String text) {
    if (text == null || !text.endsWith("\n")) {
      throw new IllegalArgumentException("note text must end with a newline");
    }
    try {
      NoteCodec.checkNoControlChars(text, "note text");
    } catch (NoteFormatException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
