package dev.switchboard.core.webhook.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.switchboard.core.json.internal.Json;
import dev.switchboard.core.webhook.InboxEntry;
import dev.switchboard.core.webhook.InboxFilter;
import dev.switchboard.core.webhook.InboxStatus;
import dev.switchboard.core.webhook.JdbcDeliveryStore;
import dev.switchboard.core.webhook.JdbcPlatform;
import dev.switchboard.core.webhook.OrderedEvent;
import dev.switchboard.core.webhook.ParsedDelivery;
import dev.switchboard.core.webhook.WebhookDelivery;
import dev.switchboard.core.webhook.WebhookInbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The inbox in one table ({@value #TABLE}): stores accepted deliveries, lets dispatchers of every
 * instance claim due ones under a lease ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL, a
 * conditional {@code UPDATE} per row elsewhere), records each attempt's outcome, and answers the
 * {@link WebhookInbox} questions.
 */
public final class JdbcWebhookInbox implements WebhookInbox {

  /** The table's name. */
  public static final String TABLE = "switchboard_webhook_inbox";

  /** The class-path location of the table's portable DDL; the platforms' files end in -id.sql. */
  public static final String SCHEMA = "dev/switchboard/core/webhook/inbox-schema.sql";

  private static final String PENDING = "PENDING";
  private static final String DONE = "DONE";
  private static final String DEAD = "DEAD";
  private static final int MAX_ERROR_LENGTH = 2000;
  private static final TypeReference<Map<String, List<String>>> HEADERS = new TypeReference<>() {};
  private static final String COLUMNS =
      "id, source, delivery_key, event_type, body, headers, remote_address, received_at, attempts";

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final JdbcPlatform platform;
  private final Duration timeToLive;

  /**
   * A delivery claimed for dispatch.
   *
   * @param id its id
   * @param source the receiver
   * @param storedKey its key as stored
   * @param eventType its event type
   * @param body the raw bytes received
   * @param headers the headers listeners see
   * @param remoteAddress the sender's address
   * @param receivedAt when the receiver took it
   * @param attempts how many attempts ran before this one
   */
  public record Claimed(
      long id,
      String source,
      String storedKey,
      String eventType,
      byte[] body,
      Map<String, List<String>> headers,
      String remoteAddress,
      Instant receivedAt,
      int attempts) {}

  /**
   * Creates the inbox.
   *
   * @param dataSource the database holding {@value #TABLE}
   * @param clock the time on a {@link JdbcPlatform#GENERIC} database
   * @param platform the SQL to speak, or null to detect it
   * @param timeToLive how long a done delivery is kept to recognise resends
   */
  public JdbcWebhookInbox(
      DataSource dataSource, Clock clock, JdbcPlatform platform, Duration timeToLive) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.clock = clock;
    this.platform = platform != null ? platform : JdbcSql.detect(dataSource);
    this.timeToLive = timeToLive;
  }

  /** Creates the table and its indexes unless they exist; safe when instances start together. */
  public void initializeSchema() {
    JdbcSql.initializeSchema(
        jdbc,
        platform,
        JdbcSql.schemaResource(SCHEMA.substring(0, SCHEMA.length() - 4), platform),
        TABLE);
  }

  /**
   * Stores a delivery unless one with its key is stored already.
   *
   * @param parsed the parsed delivery
   * @param remoteAddress the sender's address
   * @return true when stored now, false when it was stored before (a resend)
   */
  public boolean store(ParsedDelivery<?> parsed, String remoteAddress) {
    WebhookDelivery d = parsed.delivery();
    String source = d.source();
    String key = JdbcSql.storageKey(d.idempotencyKey(), JdbcDeliveryStore.MAX_PLAIN_KEY_LENGTH);
    String ordering = orderingKey(parsed.event());
    String headers;
    try {
      headers = Json.mapper().writeValueAsString(d.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String insert =
        "INSERT INTO "
            + TABLE
            + " (source, delivery_key, event_type, ordering_key, body, headers, remote_address,"
            + " received_at, status, attempts, next_attempt_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, :now)";
    Object[] args = {
      source,
      key,
      parsed.eventType(),
      ordering,
      d.body(),
      headers,
      remoteAddress,
      d.receivedAt().toEpochMilli(),
      PENDING
    };
    if (platform == JdbcPlatform.POSTGRESQL) {
      return update(insert + " ON CONFLICT (source, delivery_key) DO NOTHING", args) == 1;
    }
    Integer known =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM " + TABLE + " WHERE source = ? AND delivery_key = ?",
            Integer.class,
            source,
            key);
    if (known != null && known > 0) {
      return false;
    }
    try {
      return update(insert, args) == 1;
    } catch (DuplicateKeyException raced) {
      return false; // the same delivery was stored by another request since our read
    }
  }

  private static String orderingKey(Object event) {
    if (event instanceof OrderedEvent ordered) {
      String key = ordered.orderingKey();
      if (key != null && !key.isBlank()) {
        return JdbcSql.storageKey(key, JdbcDeliveryStore.MAX_PLAIN_KEY_LENGTH);
      }
    }
    return null;
  }

  private static final String DUE =
      " WHERE i.status = 'PENDING' AND i.next_attempt_at <= :now"
          + " AND (i.locked_until IS NULL OR i.locked_until <= :now)"
          + " AND (i.ordering_key IS NULL OR NOT EXISTS (SELECT 1 FROM "
          + TABLE
          + " e WHERE e.source = i.source AND e.ordering_key = i.ordering_key"
          + " AND e.status = 'PENDING' AND e.id < i.id))";

  /**
   * Claims up to {@code limit} due deliveries for this dispatcher, oldest first: pending, due, not
   * leased by another dispatcher, and the oldest pending one of their ordering key.
   *
   * @param limit the most to claim
   * @param lease how long the claim holds before another instance may take the deliveries
   * @param holder who claims (released and completed by the same token)
   * @return the deliveries claimed
   */
  public List<Claimed> claim(int limit, Duration lease, String holder) {
    if (platform == JdbcPlatform.POSTGRESQL) {
      JdbcSql.Statement claim =
          JdbcSql.sql(
              platform,
              clock,
              "UPDATE "
                  + TABLE
                  + " SET locked_by = ?, locked_until = :now + ? WHERE id IN (SELECT i.id FROM "
                  + TABLE
                  + " i"
                  + DUE
                  + " ORDER BY i.id LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING "
                  + COLUMNS,
              holder,
              lease.toMillis(),
              limit);
      List<Claimed> claimed = jdbc.query(claim.sql(), this::claimed, claim.args());
      claimed.sort((a, b) -> Long.compare(a.id(), b.id()));
      return claimed;
    }
    JdbcSql.Statement due =
        JdbcSql.sql(platform, clock, "SELECT i.id FROM " + TABLE + " i" + DUE + " ORDER BY i.id");
    JdbcTemplate limited = new JdbcTemplate(jdbc.getDataSource());
    limited.setMaxRows(limit);
    List<Long> ids = limited.queryForList(due.sql(), Long.class, due.args());
    int taken = 0;
    for (Long id : ids) {
      taken +=
          update(
              "UPDATE "
                  + TABLE
                  + " SET locked_by = ?, locked_until = :now + ? WHERE id = ? AND status = ?"
                  + " AND (locked_until IS NULL OR locked_until <= :now)",
              holder,
              lease.toMillis(),
              id,
              PENDING);
    }
    if (taken == 0) {
      return List.of();
    }
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE locked_by = ? AND status = ? ORDER BY id",
        this::claimed,
        holder,
        PENDING);
  }

  private Claimed claimed(ResultSet rs, int row) throws SQLException {
    Map<String, List<String>> headers;
    try {
      headers = Json.mapper().readValue(rs.getString("headers"), HEADERS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Claimed(
        rs.getLong("id"),
        rs.getString("source"),
        rs.getString("delivery_key"),
        rs.getString("event_type"),
        rs.getBytes("body"),
        headers,
        rs.getString("remote_address"),
        Instant.ofEpochMilli(rs.getLong("received_at")),
        rs.getInt("attempts"));
  }

  /**
   * Records that a claimed delivery was published.
   *
   * @param id the delivery
   * @param holder the claim's token
   * @return false when the claim had expired and another dispatcher took the delivery
   */
  public boolean complete(long id, String holder) {
    return update(
            "UPDATE "
                + TABLE
                + " SET status = ?, attempts = attempts + 1, handled_at = :now, last_error = NULL,"
                + " locked_by = NULL, locked_until = NULL WHERE id = ? AND locked_by = ?",
            DONE,
            id,
            holder)
        == 1;
  }

  /**
   * Records a failed attempt: the delivery is retried after {@code retryIn}, or, when {@code dead},
   * waits for a replay.
   *
   * @param id the delivery
   * @param holder the claim's token
   * @param error what failed
   * @param dead whether that was the last attempt
   * @param retryIn the backoff before the next attempt
   * @return false when the claim had expired and another dispatcher took the delivery
   */
  public boolean fail(long id, String holder, String error, boolean dead, Duration retryIn) {
    String message =
        error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
    return update(
            "UPDATE "
                + TABLE
                + " SET status = ?, attempts = attempts + 1, last_error = ?,"
                + " next_attempt_at = :now + ?, locked_by = NULL, locked_until = NULL"
                + " WHERE id = ? AND locked_by = ?",
            dead ? DEAD : PENDING,
            message,
            retryIn.toMillis(),
            id,
            holder)
        == 1;
  }

  /**
   * Gives a claimed delivery back without an attempt (this dispatcher is stopping).
   *
   * @param id the delivery
   * @param holder the claim's token
   */
  public void release(long id, String holder) {
    jdbc.update(
        "UPDATE "
            + TABLE
            + " SET locked_by = NULL, locked_until = NULL WHERE id = ? AND locked_by = ?",
        id,
        holder);
  }

  /**
   * Deletes done deliveries older than the time-to-live (kept until then to recognise resends).
   *
   * @return how many were deleted
   */
  public int purgeExpired() {
    return update(
        "DELETE FROM " + TABLE + " WHERE status = ? AND handled_at <= :now - ?",
        DONE,
        timeToLive.toMillis());
  }

  /**
   * A fresh token for a claim.
   *
   * @return the token
   */
  public static String newHolder() {
    return UUID.randomUUID().toString();
  }

  @Override
  public List<InboxEntry> list(InboxStatus status, InboxFilter filter, int limit) {
    List<Object> args = new ArrayList<>();
    String where = where(status, filter, args);
    JdbcTemplate limited = new JdbcTemplate(jdbc.getDataSource());
    limited.setMaxRows(Math.max(1, limit));
    return limited.query(
        "SELECT id, source, delivery_key, event_type, status, attempts, received_at,"
            + " next_attempt_at, last_error FROM "
            + TABLE
            + where
            + " ORDER BY id",
        (rs, row) -> {
          InboxStatus s = statusOf(rs.getString("status"), rs.getInt("attempts"));
          boolean waiting = s == InboxStatus.PENDING || s == InboxStatus.FAILED;
          return new InboxEntry(
              rs.getLong("id"),
              rs.getString("source"),
              rs.getString("delivery_key"),
              rs.getString("event_type"),
              s,
              rs.getInt("attempts"),
              Instant.ofEpochMilli(rs.getLong("received_at")),
              waiting ? Instant.ofEpochMilli(rs.getLong("next_attempt_at")) : null,
              rs.getString("last_error"));
        },
        args.toArray());
  }

  private static InboxStatus statusOf(String stored, int attempts) {
    return switch (stored) {
      case DONE -> InboxStatus.DONE;
      case DEAD -> InboxStatus.DEAD;
      default -> attempts > 0 ? InboxStatus.FAILED : InboxStatus.PENDING;
    };
  }

  private static String where(InboxStatus status, InboxFilter filter, List<Object> args) {
    StringBuilder where = new StringBuilder(" WHERE ");
    switch (status) {
      case PENDING -> where.append("status = 'PENDING' AND attempts = 0");
      case FAILED -> where.append("status = 'PENDING' AND attempts > 0");
      case DEAD -> where.append("status = 'DEAD'");
      case DONE -> where.append("status = 'DONE'");
      default -> throw new IllegalArgumentException(String.valueOf(status));
    }
    InboxFilter f = filter == null ? InboxFilter.all() : filter;
    if (f.source() != null) {
      where.append(" AND source = ?");
      args.add(f.source());
    }
    if (f.eventType() != null) {
      where.append(" AND event_type = ?");
      args.add(f.eventType());
    }
    if (f.receivedFrom() != null) {
      where.append(" AND received_at >= ?");
      args.add(f.receivedFrom().toEpochMilli());
    }
    if (f.receivedBefore() != null) {
      where.append(" AND received_at < ?");
      args.add(f.receivedBefore().toEpochMilli());
    }
    return where.toString();
  }

  @Override
  public long count(InboxStatus status) {
    List<Object> args = new ArrayList<>();
    Long n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM " + TABLE + where(status, InboxFilter.all(), args),
            Long.class,
            args.toArray());
    return n == null ? 0 : n;
  }

  @Override
  public boolean replay(long id) {
    return update(
            "UPDATE "
                + TABLE
                + " SET status = 'PENDING', attempts = 0, next_attempt_at = :now"
                + " WHERE id = ? AND (status = 'DEAD' OR (status = 'PENDING' AND attempts > 0))",
            id)
        == 1;
  }

  @Override
  public int replayDead(InboxFilter filter) {
    List<Object> args = new ArrayList<>();
    String where = where(InboxStatus.DEAD, filter, args);
    return update(
        "UPDATE " + TABLE + " SET status = 'PENDING', attempts = 0, next_attempt_at = :now" + where,
        args.toArray());
  }

  @Override
  public int purge(InboxStatus status, InboxFilter filter) {
    if (status != InboxStatus.DEAD && status != InboxStatus.DONE) {
      throw new IllegalArgumentException(
          "Only dead or done deliveries can be purged; pending ones are not handled yet");
    }
    List<Object> args = new ArrayList<>();
    return jdbc.update("DELETE FROM " + TABLE + where(status, filter, args), args.toArray());
  }

  private int update(String template, Object... args) {
    JdbcSql.Statement statement = JdbcSql.sql(platform, clock, template, args);
    return jdbc.update(statement.sql(), statement.args());
  }
}
