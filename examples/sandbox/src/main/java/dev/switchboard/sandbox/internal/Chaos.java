package dev.switchboard.sandbox.internal;

import dev.switchboard.sandbox.FailureInjection;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Decides, from the seed, which requests and deliveries misbehave. Each decision depends on the
 * seed, the request's key (a lead, a call, an endpoint) and how often that key was seen, never on
 * the order in which concurrent requests arrive, so a run is reproducible.
 */
public final class Chaos {

  /** At most this many injected refusals in a row for the same request. */
  static final int MAX_REFUSALS_IN_A_ROW = 2;

  private final long seed;
  private final FailureInjection failures;
  private final Sleeper sleeper;
  private final ConcurrentMap<String, Integer> seen = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Integer> refusedInARow = new ConcurrentHashMap<>();

  /**
   * Creates the failure source.
   *
   * @param seed the seed
   * @param failures what to inject
   * @param sleeper how slow answers wait
   */
  public Chaos(long seed, FailureInjection failures, Sleeper sleeper) {
    this.seed = seed;
    this.failures = failures;
    this.sleeper = sleeper;
  }

  /** An injected refusal: the status and the {@code Retry-After} to answer with. */
  record Refusal(int status, Duration retryAfter) {}

  /**
   * Called before an API request is answered: maybe waits (a slow answer), maybe refuses it.
   *
   * @param key what the request is about, such as a lead
   * @return the refusal to answer with, or empty to answer normally
   */
  Optional<Refusal> beforeAnswer(String key) {
    int n = seen.merge(key, 1, Integer::sum);
    SplittableRandom random = random("answer", key, n);
    if (random.nextDouble() < failures.slowShare()) {
      sleeper.sleep(failures.slowDelay());
    }
    double roll = random.nextDouble();
    int inARow = refusedInARow.getOrDefault(key, 0);
    if (inARow < MAX_REFUSALS_IN_A_ROW) {
      if (roll < failures.unavailableShare()) {
        refusedInARow.put(key, inARow + 1);
        return Optional.of(new Refusal(503, failures.retryAfter()));
      }
      if (roll < failures.unavailableShare() + failures.rateLimitedShare()) {
        refusedInARow.put(key, inARow + 1);
        return Optional.of(new Refusal(429, failures.retryAfter()));
      }
    }
    refusedInARow.remove(key);
    return Optional.empty();
  }

  /**
   * Whether a call's delivery is sent twice.
   *
   * @param key the delivery's key
   * @return whether
   */
  boolean duplicate(String key) {
    return failures.duplicateShare() > 0
        && random("duplicate", key, 0).nextDouble() < failures.duplicateShare();
  }

  /**
   * Whether a call's deliveries are sent in reverse order.
   *
   * @param key the call's key
   * @return whether
   */
  boolean outOfOrder(String key) {
    return failures.outOfOrderShare() > 0
        && random("order", key, 0).nextDouble() < failures.outOfOrderShare();
  }

  private SplittableRandom random(String what, String key, int n) {
    long mixed = seed;
    mixed = mixed * 31 + what.hashCode();
    mixed = mixed * 31 + key.hashCode();
    mixed = mixed * 31 + n;
    return new SplittableRandom(mixed);
  }
}
