package dev.switchboard.core.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The default {@link DeliveryStore}: one application instance, bounded in size, entries expire.
 * When full, the oldest entries are forgotten first (a very late retry of those may then be
 * published again). Several instances behind a load balancer need {@link JdbcDeliveryStore}.
 */
public final class InMemoryDeliveryStore implements DeliveryStore {

  private final Clock clock;
  private final Duration timeToLive;
  private final Duration leaseTimeout;
  private final int maxEntries;
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
  private long lastHolder;

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
    String holder = Long.toString(++lastHolder, 36);
    entries.remove(id);
    entries.put(id, new Entry(false, holder, now.plus(leaseTimeout)));
    while (entries.size() > maxEntries) {
      Iterator<String> eldest = entries.keySet().iterator();
      eldest.next();
      eldest.remove();
    }
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
