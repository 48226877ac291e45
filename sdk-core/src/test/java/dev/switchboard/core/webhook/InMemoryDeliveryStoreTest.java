package dev.switchboard.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.testing.MutableClock;
import dev.switchboard.core.webhook.Acquisition.Status;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class InMemoryDeliveryStoreTest extends DeliveryStoreContract {

  @Override
  DeliveryStore createStore(MutableClock clock, Duration ttl, Duration lease) {
    return new InMemoryDeliveryStore(clock, ttl, lease, 1000);
  }

  @Test
  void isBoundedAndForgetsTheOldestFirst() {
    InMemoryDeliveryStore small = new InMemoryDeliveryStore(clock, TTL, LEASE, 3);
    for (String key : new String[] {"a", "b", "c", "d"}) {
      Acquisition a = small.acquire("s", key);
      small.markHandled("s", key, a.holder());
    }
    assertThat(small.size()).isEqualTo(3);
    assertThat(small.acquire("s", "d").status()).isEqualTo(Status.HANDLED);
    assertThat(small.acquire("s", "a").status()).isEqualTo(Status.ACQUIRED);
  }

  @Test
  void pastItsBoundItForgetsHandledDeliveriesOnlyAndSaysSo(CapturedOutput output) {
    InMemoryDeliveryStore small = new InMemoryDeliveryStore(clock, TTL, LEASE, 3);
    Acquisition busy = small.acquire("s", "busy"); // in progress, the oldest entry
    for (String key : new String[] {"a", "b", "c"}) {
      Acquisition a = small.acquire("s", key);
      small.markHandled("s", key, a.holder());
    }
    assertThat(small.size()).isEqualTo(3);
    assertThat(small.forgotten()).isEqualTo(1);
    // the delivery in progress was not forgotten: its duplicate still waits
    assertThat(small.acquire("s", "busy").status()).isEqualTo(Status.IN_PROGRESS);
    assertThat(small.markHandled("s", "busy", busy.holder())).isTrue();
    assertThat(output.getOut())
        .contains("WARN")
        .contains("in-memory delivery store is full (3 deliveries)")
        .contains("switchboard.webhook.store.max-entries");
  }

  @Test
  void whenFullOfDeliveriesInProgressItRefusesRatherThanForgetOne() {
    InMemoryDeliveryStore small = new InMemoryDeliveryStore(clock, TTL, LEASE, 2);
    small.acquire("s", "a");
    small.acquire("s", "b");
    assertThatThrownBy(() -> small.acquire("s", "c"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("in progress");
    assertThat(small.acquire("s", "a").status()).isEqualTo(Status.IN_PROGRESS);
    assertThat(small.acquire("s", "b").status()).isEqualTo(Status.IN_PROGRESS);
  }

  @Test
  void expiredEntriesAreDropped() {
    InMemoryDeliveryStore s = new InMemoryDeliveryStore(clock, TTL, LEASE, 10);
    Acquisition a = s.acquire("s", "a");
    s.markHandled("s", "a", a.holder());
    clock.advance(TTL.plusSeconds(1));
    s.acquire("s", "b");
    assertThat(s.size()).isEqualTo(1);
  }

  @Test
  void rejectsANonPositiveBound() {
    assertThatThrownBy(() -> new InMemoryDeliveryStore(clock, TTL, LEASE, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
