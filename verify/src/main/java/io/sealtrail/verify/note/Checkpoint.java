package io.sealtrail.verify.note;

import java.util.Arrays;
import java.util.List;

/**
 * The body of a C2SP tlog checkpoint: origin, tree size, base64 root hash, then optional
 * extension lines. Parse it only from the text of a note whose signature was verified.
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

  private static final int HASH_SIZE = 32;

  public Checkpoint {
    if (origin == null || origin.isEmpty() || origin.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("origin must be a non-empty single line");
    }
    if (size < 0) {
      throw new IllegalArgumentException("negative tree size " + size);
    }
    if (rootHash == null || rootHash.length != HASH_SIZE) {
      throw new IllegalArgumentException("root hash must be " + HASH_SIZE + " bytes");
    }
    rootHash = rootHash.clone();
    extensions = List.copyOf(extensions);
    for (String ext : extensions) {
      if (ext.isEmpty() || ext.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("extension lines must be non-empty single lines");
      }
    }
  }

  /** Parses checkpoint text (the note text, including its final newline). */
  public static Checkpoint parse(String text) throws NoteFormatException {
    if (!text.endsWith("\n")) {
      throw new NoteFormatException("checkpoint does not end with a newline");
    }
    NoteCodec.checkNoControlChars(text, "checkpoint");
    String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
    if (lines.length < 3) {
      throw new NoteFormatException(
          "checkpoint has " + lines.length + " lines, needs origin, size and root hash");
    }
    if (lines[0].isEmpty()) {
      throw new NoteFormatException("checkpoint line 1: origin is empty");
    }
    long size;
    try {
      size = NoteCodec.parseDecimal(lines[1], "tree size");
    } catch (NoteFormatException e) {
      throw new NoteFormatException("checkpoint line 2: " + e.getMessage(), e);
    }
    byte[] root;
    try {
      root = NoteCodec.decodeBase64(lines[2], "root hash");
    } catch (NoteFormatException e) {
      throw new NoteFormatException("checkpoint line 3: " + e.getMessage(), e);
    }
    if (root.length != HASH_SIZE) {
      throw new NoteFormatException(
          "checkpoint line 3: root hash is " + root.length + " bytes, expected " + HASH_SIZE);
    }
    List<String> extensions = Arrays.asList(lines).subList(3, lines.length);
    for (int i = 0; i < extensions.size(); i++) {
      if (extensions.get(i).isEmpty()) {
        throw new NoteFormatException("checkpoint line " + (i + 4) + ": extension line is empty");
      }
    }
    return new Checkpoint(lines[0], size, root, extensions);
  }

  /** The checkpoint text, ending with a newline, ready to be signed. */
  public String encode() {
    StringBuilder sb = new StringBuilder()
        .append(origin).append('\n')
        .append(size).append('\n')
        .append(NoteCodec.base64(rootHash)).append('\n');
    extensions.forEach(ext -> sb.append(ext).append('\n'));
    return sb.toString();
  }

  @Override
  public byte[] rootHash() {
    return rootHash.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Checkpoint c
        && size == c.size
        && origin.equals(c.origin)
        && Arrays.equals(rootHash, c.rootHash)
        && extensions.equals(c.extensions);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * origin.hashCode() + Long.hashCode(size)) + Arrays.hashCode(rootHash);
  }

  @Override
  public String toString() {
    return "Checkpoint[" + origin + ", " + size + ", " + NoteCodec.base64(rootHash) + "]";
  }
}
