package dev.switchboard.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BuiltOnFirstCallTest {

  @Test
  void nothingIsBuiltBeforeTheFirstCallAndConcurrentFirstCallsShareOneBuild() throws Exception {
    AtomicInteger builds = new AtomicInteger();
    BuiltOnFirstCall<Object> lazy =
        new BuiltOnFirstCall<>() {
          @Override
          protected Object build() {
            builds.incrementAndGet();
            try {
              Thread.sleep(20); // long enough for every other first call to arrive meanwhile
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return new Object();
          }
        };
    assertThat(builds).hasValue(0);

    int threads = 16;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Object> values = new ArrayList<>();
    try {
      List<Future<Object>> calls = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        calls.add(
            pool.submit(
                () -> {
                  start.await();
                  return lazy.get();
                }));
      }
      start.countDown();
      for (Future<Object> call : calls) {
        values.add(call.get(30, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(builds).hasValue(1);
    assertThat(values).hasSize(threads).allSatisfy(v -> assertThat(v).isSameAs(lazy.get()));
    assertThat(builds).as("later calls reuse it").hasValue(1);
  }
}
