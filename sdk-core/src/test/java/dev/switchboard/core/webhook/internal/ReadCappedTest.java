package dev.switchboard.core.webhook.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ReadCappedTest {

  static byte[] bytes(int n) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) 'x');
    return b;
  }

  static byte[] read(int actual, long max, long declared) throws Exception {
    return WebhookRequestHandler.readCapped(new ByteArrayInputStream(bytes(actual)), max, declared);
  }

  @Test
  void aDeclaredLengthIsReadExactly() throws Exception {
    assertThat(read(100, 1000, 100)).hasSize(100).isEqualTo(bytes(100));
    assertThat(read(0, 1000, 0)).isEmpty();
    assertThat(read(1000, 1000, 1000)).hasSize(1000);
  }

  @Test
  void withoutADeclaredLengthTheLimitStillHolds() throws Exception {
    assertThat(read(20_000, 20_000, -1)).hasSize(20_000);
    assertThat(read(20_001, 20_000, -1)).isNull();
  }

  @Test
  void moreThanDeclaredIsReadOnButNeverPastTheLimit() throws Exception {
    assertThat(read(150, 1000, 100)).hasSize(150).isEqualTo(bytes(150));
    assertThat(read(1001, 1000, 100)).isNull();
  }

  @Test
  void aStreamEndingEarlyGivesWhatArrived() throws Exception {
    assertThat(read(40, 1000, 100)).hasSize(40).isEqualTo(bytes(40));
  }
}
