package dev.switchboard.core.http;

/**
 * What a client's calls go through (its {@link ApiClient}s, token manager and the like), built on
 * the client's first call and only once, however many first calls come at once: the client checks
 * its settings when it is created, so a wrong one still fails the application's startup, and leaves
 * the rest to a call that needs it, so an application that never calls the platform never loads it.
 * A class to extend rather than a {@code Supplier} (such as Spring's {@code SingletonSupplier}),
 * whose lambda every application's startup would link.
 *
 * @param <T> what is built
 */
public abstract class BuiltOnFirstCall<T> {

  /** A private lock, so that code synchronizing on the owner cannot hold the first call up. */
  private final Object lock = new Object();

  private volatile T value;

  /** Creates it unbuilt. */
  protected BuiltOnFirstCall() {}

  /**
   * Builds the value; called once, on the first {@link #get()}.
   *
   * @return the value, not null
   */
  protected abstract T build();

  /**
   * Returns the value, building it on the first call.
   *
   * @return the value
   */
  public final T get() {
    T v = value;
    if (v == null) {
      synchronized (lock) {
        v = value;
        if (v == null) {
          v = build();
          value = v;
        }
      }
    }
    return v;
  }
}
