package dev.switchboard.core.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link DeliveryStore}: one application instance, bounded in size, entries expire.
 *
 * <p>Past its bound ({@code maxEntries}), it forgets the handled delivery it remembered longest,
 * and says so: a WARN log line (at most one a minute, with the count forgotten so far) and {@link
 * #forgotten()}. A resend of a forgotten delivery would be published again. It never forgets a
 * delivery in progress (that would let a duplicate run beside it): when every remembered delivery
 * is in progress, {@link #acquire} throws, and the receiver answers 503 with {@code Retry-After}.
 * Several instances behind a load balancer, or more deliveries per time-to-live than the bound,
 * need {@link JdbcDeliveryStore}.
 */
public final class InMemoryDeliveryStore implements DeliveryStore {

  private static final Logger log = LoggerFactory.getLogger(InMemoryDeliveryStore.class);
  private static final Duration WARN_EVERY = Duration.ofMinutes(1);

  private final Clock clock;
  private final Duration timeToLive;
  private final Duration leaseTimeout;
  private final int maxEntries;
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
  private long lastHolder;
  private long forgotten;
  private Instant nextWarning = Instant.MIN;

  private record Entry(boolean handled, String holder, Instant until) {}

  /**
   * Creates a store.
   *
   * @param clock the clock for leases and expiry
   * @param timeToLive how long a handled delivery is remembered
   * @param leaseTimeout after how long an in-progress delivery whose holder never finished may be
   *     taken again
   * @param maxEntries how many deliveries are remembered at most
   */
  public InMemoryDeliveryStore(
      Clock clock, Duration timeToLive, Duration leaseTimeout, int maxEntries) {
    if (maxEntries < 1 || timeToLive.isNegative() || leaseTimeout.isNegative()) {
      throw new IllegalArgumentException("maxEntries must be positive, durations not negative");
    }
    this.clock = clock;
    this.timeToLive = timeToLive;
    this.leaseTimeout = leaseTimeout;
    this.maxEntries = maxEntries;
  }

  private static String id(String source, String key) {
    return source + '\u0000' + key;
  }

  @Override
  public synchronized Acquisition acquire(String source, String key) {
    Instant now = clock.instant();
    purgeExpired(now);
    String id = id(source, key);
    Entry entry = entries.get(id);
    if (entry != null && entry.until().isAfter(now)) {
      return entry.handled() ? Acquisition.handled() : Acquisition.inProgress();
    }
    // holders only need to be unique within this store, which is the one authority in this JVM;
    // a counter costs nothing, where a random UUID takes SecureRandom's lock on every delivery
    entries.remove(id);
    if (entries.size() >= maxEntries) {
      forgetOldestHandled(now);
    }
    String holder = Long.toString(++lastHolder, 36);
    entries.put(id, new Entry(false, holder, now.plus(leaseTimeout)));
    return Acquisition.acquired(holder);
  }

  @Override
  public synchronized boolean markHandled(String source, String key, String holder) {
    String id = id(source, key);
    Entry entry = entries.get(id);
    if (entry == null || entry.handled() || !entry.holder().equals(holder)) {
      return false;
    }
    entries.remove(id);
    entries.put(id, new Entry(true, null, clock.instant().plus(timeToLive)));
    return true;
  }

  @Override
  public synchronized void release(String source, String key, String holder) {
    String id = id(source, key);
    Entry entry = entries.get(id);
    if (entry != null && !entry.handled() && entry.holder().equals(holder)) {
      entries.remove(id);
    }
  }

  /**
   * Returns how many deliveries are remembered.
   *
   * @return the count
   */
  public synchronized int size() {
    return entries.size();
  }

  /**
   * Returns how many handled deliveries were forgotten before their time-to-live ran out, because
   * the store was full.
   *
   * @return the count since the store was created
   */
  public synchronized long forgotten() {
    return forgotten;
  }

  private void forgetOldestHandled(Instant now) {
    Iterator<Entry> it = entries.values().iterator();
    while (it.hasNext()) {
      if (it.next().handled()) {
        it.remove();
        forgotten++;
        if (!now.isBefore(nextWarning)) {
          nextWarning = now.plus(WARN_EVERY);
          log.warn(
              "The in-memory delivery store is full ({} deliveries): it forgets the oldest handled"
                  + " ones before their time-to-live ({} so far), and a resend of those would be"
                  + " published again. Raise switchboard.webhook.store.max-entries, or use"
                  + " switchboard.webhook.store.type=jdbc.",
              maxEntries,
              forgotten);
        }
        return;
      }
    }
    throw new IllegalStateException(
        "The in-memory delivery store holds "
            + entries.size()
            + " deliveries in progress, its bound; retry later, or raise"
            + " switchboard.webhook.store.max-entries");
  }

  private void purgeExpired(Instant now) {
    Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, Entry> e = it.next();
      if (e.getValue().until().isAfter(now)) {
        return; // entries are kept roughly in expiry order: stop at the first live one
      }
      it.remove();
    }
  }
}
