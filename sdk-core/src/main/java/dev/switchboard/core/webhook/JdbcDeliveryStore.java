package dev.switchboard.core.webhook;

import dev.switchboard.core.webhook.internal.JdbcSql;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A {@link DeliveryStore} in one database table, so that several application instances share what
 * was handled. The table's DDL ships in the jar, one file per database: {@value #SCHEMA} (portable
 * SQL), and the same name ending in {@code -postgresql.sql} and {@code -h2.sql}. Create it with
 * your migration tool, or call {@link #initializeSchema()} (the auto-configuration does when {@code
 * switchboard.webhook.store.jdbc.initialize-schema=true}); several instances may do so at once.
 *
 * <p>On PostgreSQL a claim is one {@code INSERT ... ON CONFLICT DO UPDATE ... WHERE} the existing
 * row expired, so no race ever raises an error; elsewhere, a read, then an {@code INSERT} or a
 * conditional {@code UPDATE}, and only a lost race between those raises (and is retried). Leases
 * and expiry are timed by the database's clock on PostgreSQL and H2 (see {@link JdbcPlatform}).
 * Keys of any length and content are stored: a long or unusual one as its SHA-256. Any database
 * failure propagates, and the receiver answers 503 with {@code Retry-After}.
 */
public final class JdbcDeliveryStore implements DeliveryStore {

  /** The class-path location of the table's portable DDL. */
  public static final String SCHEMA = "dev/switchboard/core/webhook/delivery-store-schema.sql";

  /** The table's name. */
  public static final String TABLE = "switchboard_webhook_delivery";

  /** The longest key (and source) stored as itself; longer ones are stored as their SHA-256. */
  public static final int MAX_PLAIN_KEY_LENGTH = 200;

  private static final Logger log = LoggerFactory.getLogger(JdbcDeliveryStore.class);
  private static final String IN_PROGRESS = "IN_PROGRESS";
  private static final String HANDLED = "HANDLED";
  private static final long PURGE_EVERY_MS = Duration.ofMinutes(10).toMillis();

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Duration timeToLive;
  private final Duration leaseTimeout;
  private volatile JdbcPlatform platform;
  private final AtomicLong nextPurge = new AtomicLong();

  /**
   * Creates a store for the database's platform, detected on first use.
   *
   * @param dataSource the database holding {@value #TABLE}
   * @param clock when to purge, and the time on a {@link JdbcPlatform#GENERIC} database
   * @param timeToLive how long a handled delivery is remembered
   * @param leaseTimeout after how long an in-progress delivery whose holder never finished may be
   *     taken again
   */
  public JdbcDeliveryStore(
      DataSource dataSource, Clock clock, Duration timeToLive, Duration leaseTimeout) {
    this(dataSource, clock, timeToLive, leaseTimeout, null);
  }

  /**
   * Creates a store for a given platform.
   *
   * @param dataSource the database holding {@value #TABLE}
   * @param clock when to purge, and the time on a {@link JdbcPlatform#GENERIC} database
   * @param timeToLive how long a handled delivery is remembered
   * @param leaseTimeout after how long an in-progress delivery whose holder never finished may be
   *     taken again
   * @param platform the SQL to speak, or null to detect it from the driver on first use
   */
  public JdbcDeliveryStore(
      DataSource dataSource,
      Clock clock,
      Duration timeToLive,
      Duration leaseTimeout,
      JdbcPlatform platform) {
    if (timeToLive.isNegative() || leaseTimeout.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative");
    }
    this.jdbc = new JdbcTemplate(dataSource);
    this.clock = clock;
    this.timeToLive = timeToLive;
    this.leaseTimeout = leaseTimeout;
    this.platform = platform;
  }

  /**
   * Returns the SQL this store speaks, detecting it on first call.
   *
   * @return the platform
   */
  public JdbcPlatform platform() {
    JdbcPlatform p = platform;
    if (p == null) {
      p = JdbcSql.detect(jdbc.getDataSource());
      platform = p;
    }
    return p;
  }

  /**
   * Creates the table and its index unless they exist, from the DDL file of this database's
   * platform. Safe when several instances start at the same moment.
   */
  public void initializeSchema() {
    JdbcPlatform p = platform();
    JdbcSql.initializeSchema(
        jdbc, p, JdbcSql.schemaResource(SCHEMA.substring(0, SCHEMA.length() - 4), p), TABLE);
  }

  @Override
  public Acquisition acquire(String source, String key) {
    long due = nextPurge.get();
    if (clock.millis() >= due && nextPurge.compareAndSet(due, clock.millis() + PURGE_EVERY_MS)) {
      try {
        purgeExpired();
      } catch (DataAccessException e) {
        // housekeeping only: the claim below reports a database that is down
        log.warn("Could not purge expired deliveries from {}; trying again later", TABLE, e);
      }
    }
    String s = JdbcSql.storageKey(source, MAX_PLAIN_KEY_LENGTH);
    String k = JdbcSql.storageKey(key, MAX_PLAIN_KEY_LENGTH);
    return platform() == JdbcPlatform.POSTGRESQL ? claimWithUpsert(s, k) : claimPortably(s, k);
  }

  private Acquisition claimWithUpsert(String source, String key) {
    for (int attempt = 0; attempt < 3; attempt++) {
      String holder = UUID.randomUUID().toString();
      int taken =
          update(
              "INSERT INTO "
                  + TABLE
                  + " AS d (source, delivery_key, state, holder, expires_at)"
                  + " VALUES (?, ?, ?, ?, :now + ?)"
                  + " ON CONFLICT (source, delivery_key) DO UPDATE"
                  + " SET state = EXCLUDED.state, holder = EXCLUDED.holder,"
                  + " expires_at = EXCLUDED.expires_at"
                  + " WHERE d.expires_at <= :now",
              source,
              key,
              IN_PROGRESS,
              holder,
              leaseTimeout.toMillis());
      if (taken == 1) {
        return Acquisition.acquired(holder);
      }
      Acquisition existing = existing(source, key);
      if (existing != null) {
        return existing;
      }
      // released between our claim and our read: try again
    }
    return Acquisition.inProgress();
  }

  private Acquisition claimPortably(String source, String key) {
    for (int attempt = 0; attempt < 3; attempt++) {
      String holder = UUID.randomUUID().toString();
      JdbcSql.Statement read =
          JdbcSql.sql(
              platform(),
              clock,
              "SELECT state, CASE WHEN expires_at <= :now THEN 1 ELSE 0 END FROM "
                  + TABLE
                  + " WHERE source = ? AND delivery_key = ?",
              source,
              key);
      List<Object[]> rows =
          jdbc.query(
              read.sql(), (rs, i) -> new Object[] {rs.getString(1), rs.getInt(2)}, read.args());
      if (rows.isEmpty()) {
        try {
          update(
              "INSERT INTO "
                  + TABLE
                  + " (source, delivery_key, state, holder, expires_at)"
                  + " VALUES (?, ?, ?, ?, :now + ?)",
              source,
              key,
              IN_PROGRESS,
              holder,
              leaseTimeout.toMillis());
          return Acquisition.acquired(holder);
        } catch (DuplicateKeyException raced) {
          continue; // another instance inserted it since our read: read again
        }
      }
      boolean expired = ((Integer) rows.get(0)[1]) == 1;
      if (!expired) {
        return HANDLED.equals(rows.get(0)[0]) ? Acquisition.handled() : Acquisition.inProgress();
      }
      int taken =
          update(
              "UPDATE "
                  + TABLE
                  + " SET state = ?, holder = ?, expires_at = :now + ?"
                  + " WHERE source = ? AND delivery_key = ? AND expires_at <= :now",
              IN_PROGRESS,
              holder,
              leaseTimeout.toMillis(),
              source,
              key);
      if (taken == 1) {
        return Acquisition.acquired(holder);
      }
      // another instance took it over since our read: read again
    }
    return Acquisition.inProgress();
  }

  private Acquisition existing(String source, String key) {
    List<String> states =
        jdbc.queryForList(
            "SELECT state FROM " + TABLE + " WHERE source = ? AND delivery_key = ?",
            String.class,
            source,
            key);
    if (states.isEmpty()) {
      return null;
    }
    return HANDLED.equals(states.get(0)) ? Acquisition.handled() : Acquisition.inProgress();
  }

  @Override
  public boolean markHandled(String source, String key, String holder) {
    return update(
            "UPDATE "
                + TABLE
                + " SET state = ?, holder = NULL, expires_at = :now + ?"
                + " WHERE source = ? AND delivery_key = ? AND state = ? AND holder = ?",
            HANDLED,
            timeToLive.toMillis(),
            JdbcSql.storageKey(source, MAX_PLAIN_KEY_LENGTH),
            JdbcSql.storageKey(key, MAX_PLAIN_KEY_LENGTH),
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
        JdbcSql.storageKey(source, MAX_PLAIN_KEY_LENGTH),
        JdbcSql.storageKey(key, MAX_PLAIN_KEY_LENGTH),
        IN_PROGRESS,
        holder);
  }

  /**
   * Deletes rows whose time-to-live or lease ran out (by the {@code expires_at} index). {@link
   * #acquire} runs it every ten minutes; the store stays correct without it, as expired rows are
   * reused when their key comes back.
   *
   * @return how many rows were deleted
   */
  public int purgeExpired() {
    return update("DELETE FROM " + TABLE + " WHERE expires_at <= :now");
  }

  private int update(String template, Object... args) {
    JdbcSql.Statement statement = JdbcSql.sql(platform(), clock, template, args);
    return jdbc.update(statement.sql(), statement.args());
  }
}
