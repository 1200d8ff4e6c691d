package io.sealtrail.verify.note;

import io.sealtrail.verify.merkle.InclusionProof;
import io.sealtrail.verify.merkle.ProofException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A C2SP tlog-proof (".tlog-proof" file): optional opaque extra data, a leaf index, an inclusion
 * path and the signed checkpoint it leads to, kept as verbatim bytes so signatures stay checkable.
 *
 * @param extra unauthenticated application data, or null
 */
public record TlogProof(byte[] extra, long index, List<byte[]> path, byte[] checkpointNote) {

  static final String HEADER = "c2sp.org/tlog-proof@v1";
  /** A tree of at most 2^63 - 1 leaves has at most 63 levels. */
  private static final int MAX_PATH = 63;
  private static final int HASH_SIZE = 32;

  public TlogProof {
    if (extra != null) {
      if (extra.length == 0) {
        throw new IllegalArgumentException("extra must be null or non-empty");
      }
      extra = extra.clone();
    }
    if (index < 0) {
      throw new IllegalArgumentException("negative index " + index);
    }
    if (path.size() > MAX_PATH) {
      throw new IllegalArgumentException("path longer than " + MAX_PATH + " hashes");
    }
    List<byte[]> copy = new ArrayList<>(path.size());
    for (byte[] h : path) {
      if (h == null || h.length != HASH_SIZE) {
        throw new IllegalArgumentException("path hashes must be " + HASH_SIZE + " bytes");
      }
      copy.add(h.clone());
    }
    path = List.copyOf(copy);
    if (checkpointNote == null || checkpointNote.length == 0) {
      throw new IllegalArgumentException("missing checkpoint note");
    }
    checkpointNote = checkpointNote.clone();
  }

  /** Parses a tlog proof; the embedded checkpoint must be a well-formed signed checkpoint. */
  public static TlogProof parse(byte[] bytes) throws NoteFormatException {
    Lines in = new Lines(bytes);
    if (!HEADER.equals(in.next())) {
      throw new NoteFormatException("line 1: expected '" + HEADER + "'");
    }
    String line = in.next();
    byte[] extra = null;
    if (line.startsWith("extra ")) {
      extra = NoteCodec.decodeBase64(line.substring(6), "line " + in.lineNo + ": extra data");
      if (extra.length == 0) {
        throw new NoteFormatException("line " + in.lineNo + ": extra data is empty");
      }
      line = in.next();
    }
    if (!line.startsWith("index ")) {
      throw new NoteFormatException("line " + in.lineNo + ": expected 'index <n>'");
    }
    long index = NoteCodec.parseDecimal(line.substring(6), "line " + in.lineNo + ": index");
    List<byte[]> path = new ArrayList<>();
    for (line = in.next(); !line.isEmpty(); line = in.next()) {
      if (path.size() == MAX_PATH) {
        throw new NoteFormatException("line " + in.lineNo + ": more than " + MAX_PATH + " hashes");
      }
      byte[] hash = NoteCodec.decodeBase64(line, "line " + in.lineNo + ": proof hash");
      if (hash.length != HASH_SIZE) {
        throw new NoteFormatException(
            "line " + in.lineNo + ": proof hash is " + hash.length + " bytes, expected 32");
      }
      path.add(hash);
    }
    byte[] note = Arrays.copyOfRange(bytes, in.pos, bytes.length);
    if (note.length == 0) {
      throw new NoteFormatException("line " + (in.lineNo + 1) + ": missing checkpoint");
    }
    try {
      Checkpoint.parse(SignedNote.parse(note).text());
    } catch (NoteFormatException e) {
      throw new NoteFormatException(
          "checkpoint starting at line " + (in.lineNo + 1) + ": " + e.getMessage(), e);
    }
    return new TlogProof(extra, index, path, note);
  }

  /** The proof file bytes. */
  public byte[] encode() {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    if (extra != null) {
      sb.append("extra ").append(NoteCodec.base64(extra)).append('\n');
    }
    sb.append("index ").append(index).append('\n');
    path.forEach(h -> sb.append(NoteCodec.base64(h)).append('\n'));
    sb.append('\n');
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(sb.toString().getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(checkpointNote);
    return out.toByteArray();
  }

  /**
   * Verifies the proof for a leaf: the checkpoint must carry a valid signature from a trusted key
   * named like its origin, no known key's signature may fail, and the inclusion proof must lead
   * from {@code leafHash} to the checkpoint's root. Witness quorum is left to the caller, who can
   * inspect {@link TlogProofCheck#signatures()}.
   */
  public TlogProofCheck verify(byte[] leafHash, Collection<VerifierKey> trustedKeys) {
    List<String> problems = new ArrayList<>();
    SignedNote note;
    Checkpoint checkpoint;
    try {
      note = SignedNote.parse(checkpointNote);
      checkpoint = Checkpoint.parse(note.text());
    } catch (NoteFormatException e) {
      problems.add("checkpoint is malformed: " + e.getMessage());
      return new TlogProofCheck(problems, null, null);
    }
    NoteVerification sigs = note.verify(trustedKeys);
    String origin = checkpoint.origin();
    boolean logSigned = sigs.verifiedBy().stream()
        .anyMatch(k -> k.name().equals(origin) && k.type() == VerifierKey.TYPE_ED25519);
    if (!logSigned) {
      boolean known = trustedKeys.stream().anyMatch(k -> k.name().equals(origin));
      problems.add(known
          ? "checkpoint is not validly signed by a trusted key for origin " + origin
          : "no trusted log key for checkpoint origin " + origin);
    }
    for (VerifierKey failed : sigs.failedBy()) {
      problems.add("signature by trusted key " + failed.name() + " ("
          + NoteCodec.hexId(failed.keyId()) + ") does not verify");
    }
    try {
      InclusionProof.verify(index, checkpoint.size(), leafHash, path, checkpoint.rootHash());
    } catch (ProofException e) {
      problems.add("inclusion proof for index " + index + " fails: " + e.getMessage());
    }
    return new TlogProofCheck(problems, checkpoint, sigs);
  }

  @Override
  public byte[] extra() {
    return extra == null ? null : extra.clone();
  }

  @Override
  public List<byte[]> path() {
    return path.stream().map(byte[]::clone).toList();
  }

  @Override
  public byte[] checkpointNote() {
    return checkpointNote.clone();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TlogProof p) || index != p.index || path.size() != p.path.size()) {
      return false;
    }
    for (int i = 0; i < path.size(); i++) {
      if (!Arrays.equals(path.get(i), p.path.get(i))) {
        return false;
      }
    }
    return Arrays.equals(extra, p.extra) && Arrays.equals(checkpointNote, p.checkpointNote);
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(index) + Arrays.hashCode(checkpointNote);
  }

  @Override
  public String toString() {
    return "TlogProof[index=" + index + ", path=" + path.size() + " hashes]";
  }

  /** Reads the newline-terminated ASCII header lines of a proof. */
  private static final class Lines {
    private final byte[] bytes;
    int pos;
    int lineNo;

    Lines(byte[] bytes) {
      this.bytes = bytes;
    }

    String next() throws NoteFormatException {
      lineNo++;
      int start = pos;
      while (pos < bytes.length && bytes[pos] != '\n') {
        byte b = bytes[pos];
        if (b < 0x20 || b > 0x7e) {
          throw new NoteFormatException(
              "line " + lineNo + String.format(": unexpected byte 0x%02x", b & 0xff));
        }
        pos++;
      }
      if (pos == bytes.length) {
        throw new NoteFormatException("line " + lineNo + ": unexpected end of proof");
      }
      pos++;
      return new String(bytes, start, pos - 1 - start, StandardCharsets.US_ASCII);
    }
  }
}
