package dev.switchboard.sandbox.internal;

import java.time.Duration;

/** Waits: the real thing in the sandbox, a recorder in tests. */
@FunctionalInterface
public interface Sleeper {

  /** Sleeps on the calling thread. */
  Sleeper REAL =
      duration -> {
        try {
          Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      };

  /**
   * Waits.
   *
   * @param duration how long
   */
  void sleep(Duration duration);
}
