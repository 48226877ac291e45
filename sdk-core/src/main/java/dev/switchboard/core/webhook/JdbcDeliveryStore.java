package dev.switchboard.core.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * A {@link DeliveryStore} in one database table, so that several application instances share what
 * was handled. The table's DDL ships in the jar as {@value #SCHEMA}; create it with your migration
 * tool, or call {@link #initializeSchema()} (the auto-configuration does when {@code
 * switchboard.webhook.store.jdbc.initialize-schema=true}).
 *
 * <p>Acquisition is one {@code INSERT} (the primary key makes exactly one of two simultaneous
 * inserts win) or, for an expired row, one conditional {@code UPDATE}; no transaction is needed.
 */
public final class JdbcDeliveryStore implements DeliveryStore {

  /** The class-path location of the table's DDL. */
  public static final String SCHEMA = "dev/switchboard/core/webhook/delivery-store-schema.sql";

  /** The table's name. */
  public static final String TABLE = "switchboard_webhook_delivery";

  private static final String IN_PROGRESS = "IN_PROGRESS";
  private static final String HANDLED = "HANDLED";
  private static final long PURGE_EVERY_MS = Duration.ofMinutes(10).toMillis();

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Duration timeToLive;
  private final Duration leaseTimeout;
  private final AtomicLong nextPurge = new AtomicLong();

  /**
   * Creates a store.
   *
   * @param dataSource the database holding {@value #TABLE}
   * @param clock the clock for leases and expiry
   * @param timeToLive how long a handled delivery is remembered
   * @param leaseTimeout after how long an in-progress delivery whose holder never finished may be
   *     taken again
   */
  public JdbcDeliveryStore(
      DataSource dataSource, Clock clock, Duration timeToLive, Duration leaseTimeout) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.clock = clock;
    this.timeToLive = timeToLive;
    this.leaseTimeout = leaseTimeout;
  }

  /** Creates the table from {@value #SCHEMA} unless it exists already. */
  public void initializeSchema() {
    try {
      jdbc.queryForObject("SELECT COUNT(*) FROM " + TABLE + " WHERE 1 = 0", Integer.class);
      return;
    } catch (DataAccessException missing) {
      // the table does not exist yet
    }
    new ResourceDatabasePopulator(new ClassPathResource(SCHEMA)).execute(jdbc.getDataSource());
  }

  @Override
  public Acquisition acquire(String source, String key) {
    long due = nextPurge.get();
    if (clock.millis() >= due && nextPurge.compareAndSet(due, clock.millis() + PURGE_EVERY_MS)) {
      purgeExpired();
    }
    for (int attempt = 0; attempt < 3; attempt++) {
      long now = clock.millis();
      String holder = UUID.randomUUID().toString();
      long leaseUntil = now + leaseTimeout.toMillis();
      try {
        jdbc.update(
            "INSERT INTO "
                + TABLE
                + " (source, delivery_key, state, holder, expires_at) VALUES (?, ?, ?, ?, ?)",
            source,
            key,
            IN_PROGRESS,
            holder,
            leaseUntil);
        return Acquisition.acquired(holder);
      } catch (DataIntegrityViolationException exists) {
        // someone has this key: take it over if it expired, else report its state
      }
      int taken =
          jdbc.update(
              "UPDATE "
                  + TABLE
                  + " SET state = ?, holder = ?, expires_at = ?"
                  + " WHERE source = ? AND delivery_key = ? AND expires_at <= ?",
              IN_PROGRESS,
              holder,
              leaseUntil,
              source,
              key,
              now);
      if (taken == 1) {
        return Acquisition.acquired(holder);
      }
      List<String> states =
          jdbc.queryForList(
              "SELECT state FROM " + TABLE + " WHERE source = ? AND delivery_key = ?",
              String.class,
              source,
              key);
      if (!states.isEmpty()) {
        return HANDLED.equals(states.get(0)) ? Acquisition.handled() : Acquisition.inProgress();
      }
      // released between our insert and our read: try again
    }
    return Acquisition.inProgress();
  }

  @Override
  public boolean markHandled(String source, String key, String holder) {
    return jdbc.update(
            "UPDATE "
                + TABLE
                + " SET state = ?, holder = NULL, expires_at = ?"
                + " WHERE source = ? AND delivery_key = ? AND state = ? AND holder = ?",
            HANDLED,
            clock.millis() + timeToLive.toMillis(),
            source,
            key,
            IN_PROGRESS,
            holder)
        == 1;
  }

  @Override
  public void release(String source, String key, String holder) {
    jdbc.update(
        "DELETE FROM "
            + TABLE
            + " WHERE source = ? AND delivery_key = ? AND state = ? AND holder = ?",
        source,
        key,
        IN_PROGRESS,
        holder);
  }

  /**
   * Deletes rows whose time-to-live or lease ran out. {@link #acquire} runs it every ten minutes;
   * the store stays correct without it, as expired rows are reused when their key comes back.
   *
   * @return how many rows were deleted
   */
  public int purgeExpired() {
    return jdbc.update("DELETE FROM " + TABLE + " WHERE expires_at <= ?", clock.millis());
  }
}
