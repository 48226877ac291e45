package dev.switchboard.sandbox.internal;

import dev.switchboard.sandbox.DeliveryAttempt;
import dev.switchboard.sandbox.DeliveryAttempt.Outcome;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts webhook deliveries the way a platform does: JSON bodies, retried with exponential backoff
 * after a connection failure, a time-out or a {@code 408}, {@code 409}, {@code 425}, {@code 429} or
 * {@code 5xx} answer ({@code Retry-After} honoured up to the longest backoff); any other {@code
 * 4xx} ends the delivery at once. The deliveries of one call are sent one after the other.
 */
public final class Deliverer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Deliverer.class);

  private final Settings settings;
  private final HttpClient client;
  private final ScheduledExecutorService scheduler;
  private final List<DeliveryAttempt> attempts = new ArrayList<>();
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicLong threads = new AtomicLong();

  /**
   * Creates the sender.
   *
   * @param settings the sandbox's settings
   */
  public Deliverer(Settings settings) {
    this.settings = settings;
    this.scheduler =
        Executors.newScheduledThreadPool(
            2,
            runnable -> {
              Thread thread = new Thread(runnable, "sandbox-delivery-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.deliveryTimeout())
            .executor(scheduler)
            .build();
  }

  /**
   * One webhook delivery.
   *
   * @param platform the sending platform
   * @param event what is delivered
   * @param key what it is about
   * @param url where it goes, asked at each attempt
   * @param body the JSON body
   * @param headers the headers to send, asked at each attempt (a signature may hold a timestamp)
   */
  public record Outbound(
      String platform,
      String event,
      String key,
      Supplier<URI> url,
      byte[] body,
      Supplier<Map<String, String>> headers) {}

  /**
   * Sends deliveries one after the other, the first after a delay: each starts once the one before
   * it was delivered or given up.
   *
   * @param items the deliveries, in sending order
   * @param delay the wait before the first
   */
  public void sendInOrder(List<Outbound> items, Duration delay) {
    if (items.isEmpty()) {
      return;
    }
    pending.incrementAndGet();
    schedule(() -> attempt(List.copyOf(items), 0, 1), delay);
  }

  /**
   * Returns every attempt so far.
   *
   * @return a copy, oldest first
   */
  public List<DeliveryAttempt> attempts() {
    synchronized (attempts) {
      return List.copyOf(attempts);
    }
  }

  /**
   * Whether nothing is scheduled or in flight.
   *
   * @return whether
   */
  public boolean idle() {
    return pending.get() == 0;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }

  private void attempt(List<Outbound> items, int index, int attempt) {
    Outbound item = items.get(index);
    URI url = item.url().get();
    if (url == null) {
      log.warn("No URL to deliver {} {} to: dropped", item.platform(), item.event());
      next(items, index);
      return;
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(settings.deliveryTimeout())
            .header("Content-Type", "application/json")
            .header("User-Agent", "switchboard-sandbox")
            .POST(HttpRequest.BodyPublishers.ofByteArray(item.body()));
    item.headers().get().forEach(request::header);
    client
        .sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (response, failure) -> {
              if (failure != null) {
                Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause()
                        : failure;
                String error = cause.getClass().getSimpleName();
                retryOrGiveUp(items, index, attempt, url, 0, error, Optional.empty());
              } else if (response.statusCode() / 100 == 2) {
                record(item, url, attempt, response.statusCode(), null, Outcome.DELIVERED);
                log.info(
                    "Delivered {} {} for {} to {} ({}, attempt {})",
                    item.platform(),
                    item.event(),
                    item.key(),
                    loggable(url),
                    response.statusCode(),
                    attempt);
                next(items, index);
              } else if (retryable(response.statusCode())) {
                retryOrGiveUp(
                    items, index, attempt, url, response.statusCode(), null, retryAfter(response));
              } else {
                record(item, url, attempt, response.statusCode(), null, Outcome.GAVE_UP);
                log.error(
                    "Gave up delivering {} {} for {} to {}: answered {}, which a retry cannot fix",
                    item.platform(),
                    item.event(),
                    item.key(),
                    loggable(url),
                    response.statusCode());
                next(items, index);
              }
            });
  }

  private void retryOrGiveUp(
      List<Outbound> items,
      int index,
      int attempt,
      URI url,
      int status,
      String error,
      Optional<Duration> retryAfter) {
    Outbound item = items.get(index);
    String what = status == 0 ? error : String.valueOf(status);
    if (attempt >= settings.deliveryAttempts()) {
      record(item, url, attempt, status, error, Outcome.GAVE_UP);
      log.error(
          "Gave up delivering {} {} for {} to {} after {} attempts (last: {})",
          item.platform(),
          item.event(),
          item.key(),
          loggable(url),
          attempt,
          what);
      next(items, index);
      return;
    }
    record(item, url, attempt, status, error, Outcome.RETRYING);
    Duration wait = retryAfter.orElse(backoff(attempt));
    if (wait.compareTo(settings.deliveryMaxBackoff()) > 0) {
      wait = settings.deliveryMaxBackoff();
    }
    log.warn(
        "Delivering {} {} for {} to {} failed ({}), attempt {} of {}: retrying in {} ms",
        item.platform(),
        item.event(),
        item.key(),
        loggable(url),
        what,
        attempt,
        settings.deliveryAttempts(),
        wait.toMillis());
    schedule(() -> attempt(items, index, attempt + 1), wait);
  }

  private void next(List<Outbound> items, int index) {
    if (index + 1 < items.size()) {
      schedule(() -> attempt(items, index + 1, 1), Duration.ZERO);
    } else {
      pending.decrementAndGet();
    }
  }

  private Duration backoff(int attempt) {
    double millis =
        settings.deliveryBackoff().toMillis()
            * Math.pow(settings.deliveryBackoffMultiplier(), attempt - 1);
    return Duration.ofMillis((long) Math.min(millis, settings.deliveryMaxBackoff().toMillis()));
  }

  private static boolean retryable(int status) {
    return status == 408 || status == 409 || status == 425 || status == 429 || status >= 500;
  }

  private static Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .flatMap(
            value -> {
              try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
              } catch (NumberFormatException e) {
                return Optional.empty();
              }
            });
  }

  /**
   * The URL as logged: without its query, which carries the receiver's token when the platform is
   * configured the way its dashboard allows (a URL with ?token=...).
   */
  static String loggable(URI url) {
    return url.getRawQuery() == null
        ? url.toString()
        : url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath() + "?****";
  }

  private void record(
      Outbound item, URI url, int attempt, int status, String error, Outcome outcome) {
    synchronized (attempts) {
      attempts.add(
          new DeliveryAttempt(
              item.platform(),
              item.event(),
              item.key(),
              url,
              attempt,
              status,
              error,
              outcome,
              settings.clock().instant()));
    }
  }

  private void schedule(Runnable task, Duration delay) {
    try {
      scheduler.schedule(
          () -> {
            try {
              task.run();
            } catch (RuntimeException e) {
              log.error("Delivery task failed", e);
            }
          },
          delay.toMillis(),
          TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      log.debug("Sandbox stopped: delivery dropped");
    }
  }
}
