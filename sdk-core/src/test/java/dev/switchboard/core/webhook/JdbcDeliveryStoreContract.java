package dev.switchboard.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.testing.MutableClock;
import dev.switchboard.core.testing.TestPostgres;
import dev.switchboard.core.webhook.Acquisition.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The store contract and the JDBC store's own promises, on one database; subclasses give the
 * database (PostgreSQL, H2) and the SQL spoken to it.
 */
abstract class JdbcDeliveryStoreContract extends DeliveryStoreContract {

  protected DataSource dataSource;
  private final List<TestPostgres.Database> postgresDatabases = new ArrayList<>();

  /** A fresh, empty database. */
  abstract DataSource newDatabase();

  /** A fresh database on the shared embedded PostgreSQL, its pools closed after the test. */
  DataSource newPostgresDatabase() {
    TestPostgres.Database db = TestPostgres.newDatabase();
    postgresDatabases.add(db);
    return db.dataSource(10);
  }

  @AfterEach
  void closePostgresPools() {
    postgresDatabases.forEach(TestPostgres.Database::close);
  }

  /** The SQL to speak, or null to detect it. */
  abstract JdbcPlatform platform();

  JdbcDeliveryStore newStore(DataSource ds, MutableClock clock, Duration ttl, Duration lease) {
    return new JdbcDeliveryStore(ds, clock, ttl, lease, platform());
  }

  @Override
  DeliveryStore createStore(MutableClock clock, Duration ttl, Duration lease) {
    dataSource = newDatabase();
    JdbcDeliveryStore jdbc = newStore(dataSource, clock, ttl, lease);
    jdbc.initializeSchema();
    jdbc.initializeSchema(); // a second start finds the table and leaves it alone
    return jdbc;
  }

  /**
   * Time passes as the database sees it: every stored deadline moves back by that much (the clock
   * the store was given stays put, so its ten-minutely purge does not run by itself here).
   */
  @Override
  protected void advance(Duration duration) {
    new JdbcTemplate(dataSource)
        .update(
            "UPDATE " + JdbcDeliveryStore.TABLE + " SET expires_at = expires_at - ?",
            duration.toMillis());
  }

  List<String> storedKeys() {
    return new JdbcTemplate(dataSource)
        .queryForList(
            "SELECT delivery_key FROM " + JdbcDeliveryStore.TABLE + " ORDER BY delivery_key",
            String.class);
  }

  @Test
  void purgeDeletesOnlyExpiredRows() {
    JdbcDeliveryStore jdbc = (JdbcDeliveryStore) store;
    Acquisition a = jdbc.acquire("s", "old");
    jdbc.markHandled("s", "old", a.holder());
    advance(TTL.plusSeconds(1));
    Acquisition b = jdbc.acquire("s", "new");
    jdbc.markHandled("s", "new", b.holder());
    assertThat(jdbc.purgeExpired()).isEqualTo(1);
    assertThat(storedKeys()).containsExactly("new");
  }

  @Test
  void aLongKeyIsStoredAsItsHashAndNeverCollidesWithAnotherSharingItsPrefix() {
    String prefix = "k".repeat(255);
    String first = prefix + "-first-".repeat(7);
    String second = prefix + "-second".repeat(7);
    assertThat(first).hasSize(304);

    Acquisition a = store.acquire("futwork", first);
    assertThat(a.status()).isEqualTo(Status.ACQUIRED);
    assertThat(store.markHandled("futwork", first, a.holder())).isTrue();
    assertThat(store.acquire("futwork", first).status()).isEqualTo(Status.HANDLED);
    assertThat(store.acquire("futwork", second).status()).isEqualTo(Status.ACQUIRED);
    assertThat(storedKeys()).hasSize(2).allSatisfy(k -> assertThat(k).startsWith("sha256:"));
  }

  @Test
  void keysWithNulAndOtherUnprintablesAreStoredAndStayDistinct() {
    for (String key : List.of("call\u0000one", "call\u0000two", "call\u0001one", "caf\u00e9")) {
      Acquisition a = store.acquire("futwork", key);
      assertThat(a.status()).as(key).isEqualTo(Status.ACQUIRED);
      assertThat(store.markHandled("futwork", key, a.holder())).isTrue();
      assertThat(store.acquire("futwork", key).status()).isEqualTo(Status.HANDLED);
    }
    assertThat(storedKeys()).hasSize(4).doesNotHaveDuplicates();
  }

  @Test
  void aKeyThatLooksLikeAHashCannotPoseAsOne() {
    String odd = "call\u0000one";
    Acquisition a = store.acquire("futwork", odd);
    store.markHandled("futwork", odd, a.holder());
    String itsStoredForm = storedKeys().get(0);
    assertThat(store.acquire("futwork", itsStoredForm).status()).isEqualTo(Status.ACQUIRED);
  }

  @Test
  void severalInstancesInitialisingTheSchemaAtTheSameMomentAllStart() throws Exception {
    for (int round = 0; round < 3; round++) {
      DataSource fresh = newDatabase();
      int instances = 6;
      CyclicBarrier together = new CyclicBarrier(instances);
      ExecutorService pool = Executors.newFixedThreadPool(instances);
      try {
        List<Future<Void>> starts = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
          Callable<Void> start =
              () -> {
                JdbcDeliveryStore s = newStore(fresh, clock, TTL, LEASE);
                together.await();
                s.initializeSchema();
                return null;
              };
          starts.add(pool.submit(start));
        }
        for (Future<Void> f : starts) {
          f.get(60, TimeUnit.SECONDS); // throws if any instance failed to start
        }
      } finally {
        pool.shutdownNow();
      }
      JdbcDeliveryStore s = newStore(fresh, clock, TTL, LEASE);
      assertThat(s.acquire("futwork", "after").status()).isEqualTo(Status.ACQUIRED);
    }
  }

  @Test
  void concurrentClaimsFromTwoInstancesPublishEachDeliveryOnce() throws Exception {
    DeliveryStore other = newStore(dataSource, clock, TTL, LEASE);
    List<DeliveryStore> instances = List.of(store, other);
    int ids = 40;
    int copies = 6;
    ExecutorService pool = Executors.newFixedThreadPool(2 * copies);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < ids; i++) {
        String key = "call-" + i;
        CyclicBarrier together = new CyclicBarrier(copies); // every copy claims at one moment
        for (int c = 0; c < copies; c++) {
          DeliveryStore instance = instances.get(c % 2);
          Callable<Boolean> claim =
              () -> {
                together.await();
                Acquisition a = instance.acquire("futwork", key);
                if (a.status() != Status.ACQUIRED) {
                  return false;
                }
                return instance.markHandled("futwork", key, a.holder());
              };
          results.add(pool.submit(claim));
        }
      }
      int published = 0;
      for (Future<Boolean> f : results) {
        if (f.get(60, TimeUnit.SECONDS)) {
          published++;
        }
      }
      assertThat(published).isEqualTo(ids);
      assertThat(storedKeys()).hasSize(ids);
    } finally {
      pool.shutdownNow();
    }
  }
}
