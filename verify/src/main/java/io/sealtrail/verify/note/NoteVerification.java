package io.sealtrail.verify.note;

import java.util.List;

/**
 * Outcome of checking a note's signatures against a set of known keys. Signatures whose
 * (name, key id) match no known key are {@code unknown} and, per the spec, carry no weight.
 */
public record NoteVerification(
    List<VerifierKey> verifiedBy, List<VerifierKey> failedBy, List<NoteSignature> unknown) {

  public NoteVerification {
    verifiedBy = List.copyOf(verifiedBy);
    failedBy = List.copyOf(failedBy);
    unknown = List.copyOf(unknown);
  }

  /**
   * True if at least one known key verified and no known key failed (a failing signature from a
   * known key means the note was tampered with or mis-signed, so the whole note is rejected).
   */
  public boolean accepted() {
    return !verifiedBy.isEmpty() && failedBy.isEmpty();
  }
}
