package dev.switchboard.workflux.webhook;

/** Why a delivery's signature was not accepted. */
public enum VerificationFailure {
  /** A required header is absent or blank. */
  MISSING_HEADER,
  /** A header is present but not in the expected form (timestamp not a number, no v1 signature). */
  MALFORMED,
  /** The timestamp is further from now than the tolerance, in the past or the future. */
  STALE,
  /** No signature matches any configured secret: wrong secret, or the body was changed. */
  MISMATCH
}
