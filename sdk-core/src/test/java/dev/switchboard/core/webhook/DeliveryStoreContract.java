package dev.switchboard.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.testing.MutableClock;
import dev.switchboard.core.webhook.Acquisition.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link DeliveryStore} must have; run against the in-memory and the JDBC store
 * alike, so both give the same results.
 */
abstract class DeliveryStoreContract {

  static final Duration TTL = Duration.ofHours(24);
  static final Duration LEASE = Duration.ofMinutes(5);

  protected MutableClock clock;
  protected DeliveryStore store;

  abstract DeliveryStore createStore(MutableClock clock, Duration ttl, Duration lease);

  /**
   * Lets time pass for the store. A store timed by the database's clock overrides it to move its
   * stored deadlines back by the same amount, which is the same thing seen from the database.
   */
  protected void advance(Duration duration) {
    clock.advance(duration);
  }

  @BeforeEach
  void setUp() {
    clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    store = createStore(clock, TTL, LEASE);
  }

  @Test
  void firstAcquisitionWinsAndADuplicateIsInProgress() {
    Acquisition first = store.acquire("futwork", "k1");
    assertThat(first.status()).isEqualTo(Status.ACQUIRED);
    assertThat(first.holder()).isNotBlank();
    assertThat(store.acquire("futwork", "k1").status()).isEqualTo(Status.IN_PROGRESS);
  }

  @Test
  void handledDeliveryIsReportedAsHandledUntilItsTimeToLiveRunsOut() {
    Acquisition first = store.acquire("futwork", "k1");
    assertThat(store.markHandled("futwork", "k1", first.holder())).isTrue();
    assertThat(store.acquire("futwork", "k1").status()).isEqualTo(Status.HANDLED);
    advance(TTL.minusSeconds(1));
    assertThat(store.acquire("futwork", "k1").status()).isEqualTo(Status.HANDLED);
    advance(Duration.ofSeconds(2));
    assertThat(store.acquire("futwork", "k1").status()).isEqualTo(Status.ACQUIRED);
  }

  @Test
  void releasedDeliveryCanBeAcquiredAgain() {
    Acquisition first = store.acquire("futwork", "k1");
    store.release("futwork", "k1", first.holder());
    Acquisition retry = store.acquire("futwork", "k1");
    assertThat(retry.status()).isEqualTo(Status.ACQUIRED);
    assertThat(store.markHandled("futwork", "k1", retry.holder())).isTrue();
    assertThat(store.acquire("futwork", "k1").status()).isEqualTo(Status.HANDLED);
  }

  @Test
  void expiredLeaseIsTakenOverAndTheStaleHolderCanNoLongerFinish() {
    Acquisition dead = store.acquire("futwork", "k1");
    advance(LEASE.minusSeconds(1));
    assertThat(store.acquire("futwork", "k1").status()).isEqualTo(Status.IN_PROGRESS);
    advance(Duration.ofSeconds(2));
    Acquisition takeover = store.acquire("futwork", "k1");
    assertThat(takeover.status()).isEqualTo(Status.ACQUIRED);
    assertThat(store.markHandled("futwork", "k1", dead.holder())).isFalse();
    store.release("futwork", "k1", dead.holder());
    assertThat(store.acquire("futwork", "k1").status()).isEqualTo(Status.IN_PROGRESS);
    assertThat(store.markHandled("futwork", "k1", takeover.holder())).isTrue();
    assertThat(store.acquire("futwork", "k1").status()).isEqualTo(Status.HANDLED);
  }

  @Test
  void releaseByAnotherHolderDoesNothing() {
    store.acquire("futwork", "k1");
    store.release("futwork", "k1", "not-the-holder");
    assertThat(store.acquire("futwork", "k1").status()).isEqualTo(Status.IN_PROGRESS);
  }

  @Test
  void sourcesAndKeysAreIndependent() {
    Acquisition a = store.acquire("futwork", "k1");
    store.markHandled("futwork", "k1", a.holder());
    assertThat(store.acquire("flowforge", "k1").status()).isEqualTo(Status.ACQUIRED);
    assertThat(store.acquire("futwork", "k2").status()).isEqualTo(Status.ACQUIRED);
  }

  @Test
  void concurrentAcquisitionsOfOneKeyHaveExactlyOneWinner() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Acquisition>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Callable<Acquisition> task =
            () -> {
              start.await();
              return store.acquire("futwork", "same");
            };
        results.add(pool.submit(task));
      }
      start.countDown();
      int acquired = 0;
      int inProgress = 0;
      for (Future<Acquisition> f : results) {
        Status s = f.get(30, TimeUnit.SECONDS).status();
        if (s == Status.ACQUIRED) {
          acquired++;
        } else if (s == Status.IN_PROGRESS) {
          inProgress++;
        }
      }
      assertThat(acquired).isEqualTo(1);
      assertThat(inProgress).isEqualTo(threads - 1);
    } finally {
      pool.shutdownNow();
    }
  }
}
