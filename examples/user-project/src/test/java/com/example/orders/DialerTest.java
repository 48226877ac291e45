package com.example.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.sandbox.Sandbox;
import dev.switchboard.sandbox.test.SwitchboardSandbox;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@SwitchboardSandbox
class DialerTest {

  @Autowired Dialer dialer;
  @Autowired CallOutcomes outcomes;
  @Autowired Sandbox sandbox;

  @Test
  void theCustomerIsCalledAndTheOutcomeComesBack() {
    int before = sandbox.acceptedLeads();

    dialer.call(new Order("9999789877", "Asha Rao", "AWB-1"));

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(outcomes.dispositionOf("AWB-1")).isPresent());
    assertThat(sandbox.acceptedLeads()).isEqualTo(before + 1);
  }
}
