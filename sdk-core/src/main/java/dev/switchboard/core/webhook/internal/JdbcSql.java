package dev.switchboard.core.webhook.internal;

import dev.switchboard.core.webhook.JdbcPlatform;
import dev.switchboard.core.webhook.WebhookRequest;
import java.nio.ByteBuffer;
import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * What the JDBC delivery store and the inbox share: the database's clock in SQL, keys made safe for
 * a column, platform detection and schema creation that tolerates several instances starting at
 * once.
 */
public final class JdbcSql {

  private static final Logger log = LoggerFactory.getLogger(JdbcSql.class);

  /** The prefix of a key stored as its SHA-256. */
  public static final String HASHED = "sha256:";

  /** An arbitrary constant: the PostgreSQL advisory lock held while Switchboard creates tables. */
  private static final long SCHEMA_LOCK = 0x5357_4254_4348_0001L;

  private static final String NOW = ":now";

  private JdbcSql() {}

  /**
   * A statement and its arguments, ready for {@link JdbcTemplate}.
   *
   * @param sql the SQL with {@code ?} placeholders only
   * @param args the arguments
   */
  public record Statement(String sql, Object[] args) {}

  /**
   * Expands each {@code :now} in a statement into the database's current time in epoch
   * milliseconds; on {@link JdbcPlatform#GENERIC}, into a {@code ?} bound to the clock's time.
   *
   * @param platform the database's platform
   * @param clock the clock used where the database's cannot be read portably
   * @param template SQL with {@code ?} placeholders and {@code :now} markers
   * @param args the arguments of the {@code ?} placeholders, in order
   * @return the statement
   */
  public static Statement sql(JdbcPlatform platform, Clock clock, String template, Object... args) {
    if (platform != JdbcPlatform.GENERIC) {
      return new Statement(
          template.replace(NOW, "(CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT))"),
          args);
    }
    long now = clock.millis();
    StringBuilder sql = new StringBuilder();
    List<Object> bound = new ArrayList<>();
    int arg = 0;
    int i = 0;
    while (i < template.length()) {
      if (template.startsWith(NOW, i)) {
        sql.append('?');
        bound.add(now);
        i += NOW.length();
        continue;
      }
      char c = template.charAt(i);
      if (c == '?') {
        bound.add(args[arg++]);
      }
      sql.append(c);
      i++;
    }
    return new Statement(sql.toString(), bound.toArray());
  }

  /**
   * The form in which a key or source name is stored: itself when it is printable ASCII of at most
   * {@code maxLength} characters, else {@value #HASHED} and the SHA-256 of its characters in hex
   * (71 characters). A key is never truncated, so two keys never share a row; a key that itself
   * starts with {@value #HASHED} is hashed too, so it cannot pose as another key's hash.
   *
   * @param value the key as the parser gave it
   * @param maxLength the longest value stored as itself
   * @return the value to store
   */
  public static String storageKey(String value, int maxLength) {
    if (value.length() <= maxLength && !value.startsWith(HASHED) && isPrintableAscii(value)) {
      return value;
    }
    ByteBuffer chars = ByteBuffer.allocate(value.length() * 2);
    for (int i = 0; i < value.length(); i++) {
      chars.putChar(value.charAt(i)); // every char, lone surrogates included: no two keys collide
    }
    return HASHED + WebhookRequest.sha256Hex(chars.array());
  }

  private static boolean isPrintableAscii(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  /**
   * Detects the platform from the driver's product name.
   *
   * @param dataSource the database
   * @return its platform
   */
  public static JdbcPlatform detect(DataSource dataSource) {
    try {
      String product =
          JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
      return JdbcPlatform.forProductName(product);
    } catch (MetaDataAccessException e) {
      throw new org.springframework.dao.DataAccessResourceFailureException(
          "Could not read the database's product name", e);
    }
  }

  /**
   * The class-path location of a shipped schema file.
   *
   * @param prefix such as {@code dev/switchboard/core/webhook/delivery-store-schema}
   * @param platform the database's platform
   * @return the location, such as {@code ...-postgresql.sql}
   */
  public static String schemaResource(String prefix, JdbcPlatform platform) {
    return platform == JdbcPlatform.GENERIC
        ? prefix + ".sql"
        : prefix + "-" + platform.id() + ".sql";
  }

  /**
   * Creates a table from its shipped DDL, safely when several instances start at the same moment:
   * on PostgreSQL under an advisory lock (the DDL says {@code IF NOT EXISTS}; concurrent {@code
   * CREATE TABLE IF NOT EXISTS} can still collide in PostgreSQL's catalogue without it); elsewhere,
   * a failure is tolerated when the table exists afterwards (another instance created it).
   *
   * @param jdbc the database
   * @param platform its platform
   * @param resource the DDL's class-path location
   * @param table a table the DDL creates, checked for
   */
  public static void initializeSchema(
      JdbcTemplate jdbc, JdbcPlatform platform, String resource, String table) {
    if (platform == JdbcPlatform.GENERIC && exists(jdbc, table)) {
      return; // the generic DDL has no IF NOT EXISTS
    }
    ClassPathResource ddl = new ClassPathResource(resource);
    try {
      jdbc.execute(
          (ConnectionCallback<Void>)
              connection -> {
                if (platform == JdbcPlatform.POSTGRESQL) {
                  try (java.sql.Statement s = connection.createStatement()) {
                    s.execute("SELECT pg_advisory_lock(" + SCHEMA_LOCK + ")");
                  }
                  try {
                    ScriptUtils.executeSqlScript(connection, ddl);
                  } finally {
                    try (java.sql.Statement s = connection.createStatement()) {
                      s.execute("SELECT pg_advisory_unlock(" + SCHEMA_LOCK + ")");
                    }
                  }
                } else {
                  ScriptUtils.executeSqlScript(connection, ddl);
                }
                return null;
              });
    } catch (DataAccessException e) {
      if (exists(jdbc, table)) {
        log.debug("{} was created by another instance meanwhile ({})", table, e.getMessage());
        return;
      }
      throw e;
    }
  }

  private static boolean exists(JdbcTemplate jdbc, String table) {
    try {
      jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE 1 = 0", Integer.class);
      return true;
    } catch (DataAccessException missing) {
      return false;
    }
  }
}
