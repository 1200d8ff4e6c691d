package io.sealtrail.verify.note;

import java.util.List;

/**
 * Result of {@link TlogProof#verify}: human-readable problems (empty means the proof holds), plus
 * what could be parsed so callers can apply their own witness policy to the cosignatures.
 *
 * @param checkpoint the parsed checkpoint, or null if it could not be parsed
 * @param signatures signature check of the checkpoint note, or null if it could not be parsed
 */
public record TlogProofCheck(
    List<String> problems, Checkpoint checkpoint, NoteVerification signatures) {

  public TlogProofCheck {
    problems = List.copyOf(problems);
  }

  /** True only if there are no problems. */
  public boolean ok() {
    return problems.isEmpty();
  }
}
