package dev.switchboard.core.webhook;

import java.util.Locale;

/**
 * The SQL a database is spoken to in by {@link JdbcDeliveryStore}: detected from the JDBC driver's
 * product name unless given.
 *
 * <p>On PostgreSQL and H2 every lease and expiry is timed by the database's clock ({@code
 * CURRENT_TIMESTAMP}), so instances whose clocks drift still agree. {@link #GENERIC} runs on any
 * database with standard SQL, timed by each instance's clock (keep them in sync with NTP).
 */
public enum JdbcPlatform {
  /** PostgreSQL: {@code INSERT ... ON CONFLICT}, an advisory lock around schema creation. */
  POSTGRESQL("postgresql"),
  /** H2 (tests and single-node setups). */
  H2("h2"),
  /** Any other database: portable SQL only. */
  GENERIC("generic");

  private final String id;

  JdbcPlatform(String id) {
    this.id = id;
  }

  /**
   * Returns the lower-case name used in the shipped schema files' names, such as {@code
   * postgresql}.
   *
   * @return the name
   */
  public String id() {
    return id;
  }

  /**
   * Chooses the platform for a JDBC product name.
   *
   * @param databaseProductName what {@code DatabaseMetaData.getDatabaseProductName()} reports
   * @return the platform, {@link #GENERIC} for a database without a platform of its own
   */
  public static JdbcPlatform forProductName(String databaseProductName) {
    String name = databaseProductName == null ? "" : databaseProductName.toLowerCase(Locale.ROOT);
    if (name.contains("postgres")) {
      return POSTGRESQL;
    }
    if (name.equals("h2")) {
      return H2;
    }
    return GENERIC;
  }
}
