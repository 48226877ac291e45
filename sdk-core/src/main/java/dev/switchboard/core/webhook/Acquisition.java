package dev.switchboard.core.webhook;

/**
 * The answer of {@link DeliveryStore#acquire}.
 *
 * @param status what the store knows of the key
 * @param holder when acquired, the token to pass to {@code markHandled} and {@code release}; else
 *     null
 */
public record Acquisition(Status status, String holder) {

  /** What the store knows of a key. */
  public enum Status {
    /** This caller now holds the delivery and must mark it handled or release it. */
    ACQUIRED,
    /** Another handler holds it right now (answer 409 so the platform retries later). */
    IN_PROGRESS,
    /** It was handled already (answer 200 without publishing again). */
    HANDLED
  }

  /**
   * Acquired by this caller.
   *
   * @param holder the holder token
   * @return the acquisition
   */
  public static Acquisition acquired(String holder) {
    return new Acquisition(Status.ACQUIRED, holder);
  }

  /**
   * Held by another handler.
   *
   * @return the acquisition
   */
  public static Acquisition inProgress() {
    return new Acquisition(Status.IN_PROGRESS, null);
  }

  /**
   * Handled already.
   *
   * @return the acquisition
   */
  public static Acquisition handled() {
    return new Acquisition(Status.HANDLED, null);
  }
}
