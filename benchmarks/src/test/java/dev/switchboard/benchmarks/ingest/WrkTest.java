package dev.switchboard.benchmarks.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WrkTest {

  private static final String OUTPUT =
      """
      Running 8s test @ http://127.0.0.1:42271/webhooks/futwork?token=secret
        2 threads and 32 connections
        Thread Stats   Avg      Stdev     Max   +/- Stdev
          Latency     1.52ms    3.10ms  80.12ms   95.12%
          Req/Sec    11.20k     1.30k   14.01k    70.00%
        179336 requests in 8.00s, 30.10MB read
        Non-2xx or 3xx responses: 3
        Socket errors: connect 0, read 1, write 0, timeout 2
      Requests/sec:  22410.97
      Transfer/sec:      3.76MB
      """;

  @Test
  void readsTheRateAndCountsNon2xxAnswersAndSocketErrorsAsFailed() {
    Wrk w = Wrk.parse(OUTPUT);

    assertThat(w.requestsPerSecond()).isEqualTo(22410.97);
    assertThat(w.failed()).isEqualTo(6);
  }

  @Test
  void aCleanRunHasNoFailures() {
    String clean =
        OUTPUT
            .replace("  Non-2xx or 3xx responses: 3\n", "")
            .replace("  Socket errors: connect 0, read 1, write 0, timeout 2\n", "");

    assertThat(Wrk.parse(clean).failed()).isZero();
  }

  @Test
  void unreadableOutputFailsWithTheOutput() {
    assertThatThrownBy(() -> Wrk.parse("unable to connect"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("unable to connect");
  }

  @Test
  void theTwentyKilobyteTranscriptHasExactlyThatSize() {
    assertThat(IngestBench.transcript(20 * 1024)).hasSize(20 * 1024).startsWith("assistant: ");
  }
}
