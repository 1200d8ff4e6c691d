package io.sealtrail.verify.note;

/** Text that should be a signed note, key, checkpoint or tlog proof is malformed. */
public final class NoteFormatException extends Exception {

  private static final long serialVersionUID = 1L;

  public NoteFormatException(String message) {
    super(message);
  }

  public NoteFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
