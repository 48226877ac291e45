package dev.switchboard.core.webhook.internal;

import dev.switchboard.core.webhook.ParsedDelivery;
import dev.switchboard.core.webhook.WebhookEndpoint;
import dev.switchboard.core.webhook.WebhookRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes the inbox's deliveries to the application's listeners: worker threads claim due
 * deliveries in batches under a lease, parse each stored body again with its receiver's parser,
 * publish the event, and record the outcome. A failed attempt is retried after an exponential
 * backoff; after the last attempt the delivery is dead until replayed. A claim left by an instance
 * that died expires after the lease, and another instance takes the delivery.
 */
public final class InboxDispatcher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(InboxDispatcher.class);
  private static final long PURGE_EVERY_MS = Duration.ofMinutes(10).toMillis();

  /**
   * When and how often to retry.
   *
   * @param maxAttempts attempts before a delivery is dead
   * @param initialBackoff the wait after the first failure
   * @param multiplier by how much each further wait grows
   * @param maxBackoff the longest wait
   */
  public record Retries(
      int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {

    /**
     * The wait after a delivery's {@code attempts}-th failure.
     *
     * @param attempts failures so far, at least one
     * @return the wait
     */
    public Duration backoff(int attempts) {
      double millis = initialBackoff.toMillis() * Math.pow(multiplier, attempts - 1);
      return Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis()));
    }
  }

  private final JdbcWebhookInbox inbox;
  private final Map<String, WebhookEndpoint> endpoints;
  private final ApplicationEventPublisher publisher;
  private final WebhookMetrics metrics;
  private final Retries retries;
  private final int threads;
  private final int batchSize;
  private final Duration lease;
  private final Duration pollInterval;
  private final Duration shutdownTimeout;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition work = lock.newCondition();
  private boolean signalled;
  private volatile boolean running;
  private volatile long nextPurge;
  private ExecutorService workers;
  private final AtomicInteger threadNumber = new AtomicInteger();

  /**
   * Creates the dispatcher.
   *
   * @param inbox the stored deliveries
   * @param endpoints the receivers by source name, whose parsers read the stored bodies
   * @param publisher publishes events to the listeners
   * @param metrics records outcomes
   * @param retries when and how often to retry
   * @param threads how many deliveries this instance dispatches at once
   * @param batchSize how many deliveries a worker claims at once
   * @param lease how long a claim holds before another instance may take the delivery
   * @param pollInterval how often an idle worker looks for due deliveries
   * @param shutdownTimeout how long stopping waits for listeners still running
   */
  public InboxDispatcher(
      JdbcWebhookInbox inbox,
      Map<String, WebhookEndpoint> endpoints,
      ApplicationEventPublisher publisher,
      WebhookMetrics metrics,
      Retries retries,
      int threads,
      int batchSize,
      Duration lease,
      Duration pollInterval,
      Duration shutdownTimeout) {
    this.inbox = inbox;
    this.endpoints = Map.copyOf(endpoints);
    this.publisher = publisher;
    this.metrics = metrics;
    this.retries = retries;
    this.threads = threads;
    this.batchSize = batchSize;
    this.lease = lease;
    this.pollInterval = pollInterval;
    this.shutdownTimeout = shutdownTimeout;
  }

  /** Wakes an idle worker: a delivery was just stored. */
  public void wake() {
    lock.lock();
    try {
      signalled = true;
      work.signal();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void start() {
    running = true;
    workers =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "switchboard-inbox-" + threadNumber.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    for (int i = 0; i < threads; i++) {
      workers.execute(this::work);
    }
  }

  @Override
  public void stop() {
    running = false;
    lock.lock();
    try {
      work.signalAll();
    } finally {
      lock.unlock();
    }
    workers.shutdown();
    try {
      if (!workers.awaitTermination(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn(
            "Listeners were still running {} after the inbox dispatcher was stopped; their"
                + " deliveries are taken by another instance when their lease runs out",
            shutdownTimeout);
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      workers.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    // a lower phase stops later: after the web server has stopped taking deliveries
    return SmartLifecycle.DEFAULT_PHASE - 4096;
  }

  private void work() {
    while (running) {
      int handled = 0;
      try {
        purgeWhenDue();
        handled = dispatchOneBatch();
      } catch (RuntimeException e) {
        log.warn("The inbox dispatcher could not reach the database; trying again", e);
      }
      if (handled == 0 && running) {
        idle();
      }
    }
  }

  private void idle() {
    lock.lock();
    try {
      if (!signalled) {
        work.await(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
      }
      signalled = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    } finally {
      lock.unlock();
    }
  }

  private void purgeWhenDue() {
    long now = System.currentTimeMillis();
    if (now >= nextPurge) {
      nextPurge = now + PURGE_EVERY_MS;
      inbox.purgeExpired();
    }
  }

  private int dispatchOneBatch() {
    String holder = JdbcWebhookInbox.newHolder();
    List<JdbcWebhookInbox.Claimed> batch = inbox.claim(batchSize, lease, holder);
    for (JdbcWebhookInbox.Claimed delivery : batch) {
      if (!running) {
        inbox.release(delivery.id(), holder); // another instance, or the next start, takes it
        continue;
      }
      dispatch(delivery, holder);
    }
    return batch.size();
  }

  private void dispatch(JdbcWebhookInbox.Claimed d, String holder) {
    long start = System.nanoTime();
    WebhookEndpoint endpoint = endpoints.get(d.source());
    try {
      if (endpoint == null) {
        throw new IllegalStateException("No webhook receiver with source " + d.source());
      }
      WebhookRequest request =
          new WebhookRequest(
              d.source(),
              d.body(),
              d.headers(),
              Map.of(),
              d.remoteAddress(),
              d.receivedAt(),
              Set.copyOf(endpoint.sensitiveHeaders()));
      ParsedDelivery<?> parsed = endpoint.parser().parse(request);
      publisher.publishEvent(parsed.event());
    } catch (RuntimeException e) {
      failed(d, holder, e, start);
      return;
    }
    if (!inbox.complete(d.id(), holder)) {
      log.warn(
          "{} delivery {} was handled after its lease ran out; another instance may handle it too",
          d.source(),
          d.storedKey());
    }
    metrics.record(d.source(), d.eventType(), "dispatched", System.nanoTime() - start);
  }

  private void failed(JdbcWebhookInbox.Claimed d, String holder, RuntimeException e, long start) {
    int attempts = d.attempts() + 1;
    boolean dead = attempts >= retries.maxAttempts();
    Duration backoff = retries.backoff(attempts);
    String error = e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    if (dead) {
      log.warn(
          "A listener failed on {} delivery {} ({}) for the last time (attempt {} of {}); it is"
              + " dead until replayed through WebhookInbox",
          d.source(),
          d.storedKey(),
          d.eventType(),
          attempts,
          retries.maxAttempts(),
          e);
    } else {
      log.warn(
          "A listener failed on {} delivery {} ({}), attempt {} of {}; retrying in {}",
          d.source(),
          d.storedKey(),
          d.eventType(),
          attempts,
          retries.maxAttempts(),
          backoff,
          e);
    }
    inbox.fail(d.id(), holder, error, dead, backoff);
    metrics.record(
        d.source(), d.eventType(), dead ? "dead" : "retry_scheduled", System.nanoTime() - start);
  }
}
