package dev.switchboard.core.webhook;

/**
 * Remembers which deliveries were handled, so a platform's retry of a handled delivery is not
 * published twice.
 *
 * <p>A key goes through three states: {@link #acquire acquired} (in progress, held by one handler
 * under a lease), {@link #markHandled handled} (kept for a time-to-live), or {@link #release
 * released} after a failure (forgotten, so the platform's retry runs). An in-progress entry whose
 * lease ran out (its holder died) may be acquired again. Implementations must be safe for
 * concurrent use: of two simultaneous acquisitions of one key, exactly one succeeds.
 */
public interface DeliveryStore {

  /**
   * Tries to take a delivery for handling.
   *
   * @param source the receiver, such as {@code futwork}
   * @param key the delivery's idempotency key
   * @return acquired (with the holder token to pass back), in progress elsewhere, or handled
   */
  Acquisition acquire(String source, String key);

  /**
   * Records that a delivery was handled.
   *
   * @param source the receiver
   * @param key the idempotency key
   * @param holder the token {@link #acquire} returned
   * @return false when this holder no longer held the delivery (its lease ran out and another
   *     handler took it)
   */
  boolean markHandled(String source, String key, String holder);

  /**
   * Forgets a delivery whose handling failed, so that its retry runs.
   *
   * @param source the receiver
   * @param key the idempotency key
   * @param holder the token {@link #acquire} returned
   */
  void release(String source, String key, String holder);
}
