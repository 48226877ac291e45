package dev.switchboard.sandbox.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.futwork.lead.LeadClient;
import dev.switchboard.futwork.lead.WorkflowLead;
import dev.switchboard.futwork.webhook.WorkflowPostCall;
import dev.switchboard.sandbox.DeliveryAttempt;
import dev.switchboard.sandbox.Sandbox;
import dev.switchboard.workflux.client.WorkFluxClient;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/**
 * A Spring Boot application with the SDK, tested against the sandbox the annotation starts: its
 * properties point at the sandbox, a lead submitted with the auto-configured {@link LeadClient}
 * comes back as a {@link WorkflowPostCall} event, and the WorkFlux client gets a token from it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@SwitchboardSandbox(minCallDelayMillis = 0, maxCallDelayMillis = 100)
class SwitchboardSandboxTest {

  @SpringBootApplication
  static class App {
    final BlockingQueue<WorkflowPostCall> calls = new LinkedBlockingQueue<>();

    @EventListener
    void on(WorkflowPostCall call) {
      calls.add(call);
    }
  }

  @Autowired Sandbox sandbox;
  @Autowired LeadClient leads;
  @Autowired WorkFluxClient workflux;
  @Autowired App app;
  @Autowired Environment environment;

  @Test
  void pointsTheSdksPropertiesAtTheSandbox() {
    assertThat(environment.getProperty("futwork.workflows.base-url"))
        .isEqualTo(sandbox.futworkWorkflowsBaseUrl())
        .startsWith("http://127.0.0.1:" + sandbox.port() + "/");
    assertThat(environment.getProperty("futwork.campaigns.base-url"))
        .isEqualTo(sandbox.futworkCampaignsBaseUrl());
    assertThat(environment.getProperty("workflux.base-url")).isEqualTo(sandbox.workfluxBaseUrl());
    assertThat(environment.getProperty("futwork.webhook.secret")).hasSize(32);
    assertThat(environment.getProperty("flowforge.webhook.secret"))
        .hasSize(32)
        .isNotEqualTo(environment.getProperty("futwork.webhook.secret"));
  }

  @Test
  void aSubmittedLeadComesBackAsAnEventDeliveredToThisApplication() throws Exception {
    int before = sandbox.acceptedLeads();

    leads.submitToWorkflow(
        "wf_6512", WorkflowLead.of("9999789877", Map.of("customer_name", "Asha"), "AWB-1"));

    WorkflowPostCall call = app.calls.poll(10, TimeUnit.SECONDS);
    assertThat(call).isNotNull();
    assertThat(call.referenceId()).isEqualTo("AWB-1");
    assertThat(sandbox.acceptedLeads()).isEqualTo(before + 1);
    // the attempt is recorded once the answer is read, just after the event was published
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (sandbox.deliveryAttempts().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(sandbox.deliveryAttempts())
        .anySatisfy(
            attempt -> {
              assertThat(attempt.url().toString())
                  .isEqualTo(
                      "http://127.0.0.1:"
                          + environment.getProperty("local.server.port")
                          + "/webhooks/futwork");
              assertThat(attempt.outcome()).isEqualTo(DeliveryAttempt.Outcome.DELIVERED);
            });
  }

  @Test
  void theWorkFluxClientAuthenticatesWithTheSandboxsCredentials() {
    assertThat(workflux.listAgents(Map.of()).data()).isNotEmpty();
  }
}
