package io.sealtrail.verify.merkle;

/** A Merkle inclusion or consistency proof does not verify; the message says why. */
public final class ProofException extends Exception {

  private static final long serialVersionUID = 1L;

  public ProofException(String message) {
    super(message);
  }
}
