package io.sealtrail.verify.note;

import io.sealtrail.verify.merkle.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/** Encoding rules shared by notes, keys, checkpoints and tlog proofs. */
final class NoteCodec {

  private NoteCodec() {}

  /**
   * Decodes standard padded base64, rejecting anything but the canonical encoding (no missing
   * padding, no stray bits), so each value has exactly one textual form.
   */
  static byte[] decodeBase64(String s, String what) throws NoteFormatException {
    byte[] out;
    try {
      out = Base64.getDecoder().decode(s);
    } catch (IllegalArgumentException e) {
      throw new NoteFormatException(what + " is not valid base64: " + e.getMessage(), e);
    }
    if (!Base64.getEncoder().encodeToString(out).equals(s)) {
      throw new NoteFormatException(what + " is not canonical padded base64");
    }
    return out;
  }

  static String base64(byte[] data) {
    return Base64.getEncoder().encodeToString(data);
  }

  /** Key names: non-empty, no Unicode space (as Go's unicode.IsSpace), no '+'. */
  static boolean isValidName(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    return name.codePoints().noneMatch(cp -> cp == '+' || isSpace(cp));
  }

  private static boolean isSpace(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
  }

  /** SHA-256(name || 0x0A || type || publicKey)[:4] as a big-endian int. */
  static int keyId(String name, int type, byte[] publicKey) {
    MessageDigest md = Sha256.newDigest();
    md.update(name.getBytes(StandardCharsets.UTF_8));
    md.update((byte) '\n');
    md.update((byte) type);
    md.update(publicKey);
    byte[] h = md.digest();
    return ((h[0] & 0xff) << 24) | ((h[1] & 0xff) << 16) | ((h[2] & 0xff) << 8) | (h[3] & 0xff);
  }

  static String hexId(int keyId) {
    return String.format("%08x", keyId);
  }

  /** Parses exactly eight lowercase hex digits. */
  static int parseHexId(String hex, String what) throws NoteFormatException {
    if (!hex.matches("[0-9a-f]{8}")) {
      throw new NoteFormatException(what + " key id '" + hex + "' is not 8 lowercase hex digits");
    }
    return Integer.parseUnsignedInt(hex, 16);
  }

  /** Parses an ASCII decimal with no sign and no leading zeros that fits in a long. */
  static long parseDecimal(String s, String what) throws NoteFormatException {
    if (!s.matches("0|[1-9][0-9]*")) {
      throw new NoteFormatException(
          what + " '" + s + "' is not a decimal number without sign or leading zeros");
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new NoteFormatException(what + " '" + s + "' is too large", e);
    }
  }

  /**
   * Rejects ASCII control characters other than newline (so also '\r'), naming the 1-based line.
   */
  static void checkNoControlChars(String text, String what) throws NoteFormatException {
    int line = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
      } else if (c < 0x20) {
        String shown = c == '\r' ? "carriage return" : String.format("control character U+%04X", (int) c);
        throw new NoteFormatException(what + " line " + line + ": " + shown + " is not allowed");
      }
    }
  }
}
