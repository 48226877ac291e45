package dev.switchboard.quickstart;

import dev.switchboard.core.PhoneNumbers;
import dev.switchboard.core.SwitchboardException;
import dev.switchboard.futwork.lead.BulkResult;
import dev.switchboard.futwork.lead.LeadClient;
import dev.switchboard.futwork.lead.LeadOutcome;
import dev.switchboard.futwork.lead.LeadSubmission;
import dev.switchboard.sandbox.DeliveryAttempt;
import dev.switchboard.sandbox.Sandbox;
import dev.switchboard.workflux.client.Agent;
import dev.switchboard.workflux.client.Conversation;
import dev.switchboard.workflux.client.WebhookSubscription;
import dev.switchboard.workflux.client.WorkFluxClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootVersion;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The quickstart's run: reads the leads, submits them in bulk with a progress display, waits for
 * every lead's outcome (received by {@link OutcomeTracker}), prints a summary, writes the outcomes
 * to a CSV file, and says whether every lead got one.
 */
@Component
public class Quickstart {

  /** The dispositions a WorkFlux agent follows up. */
  private static final java.util.Set<String> FOLLOW_UP = java.util.Set.of("interested");

  private final LeadClient leads;
  private final OutcomeTracker tracker;
  private final ChatTracker chats;
  private final FollowUps followUps;
  private final ObjectProvider<WorkFluxClient> workflux;
  private final ObjectProvider<Sandbox> sandbox;
  private final ResourceLoader resources;
  private final Environment environment;
  private final String leadsLocation;
  private final String workflowId;
  private final String campaignId;
  private final Path output;
  private final Duration timeout;
  private final PrintStream out = System.out;

  /**
   * Creates the run.
   *
   * @param leads the Futwork client, auto-configured from {@code futwork.*}
   * @param tracker receives the outcomes
   * @param chats receives the Flowforge events
   * @param followUps receives the WorkFlux events
   * @param workflux the WorkFlux client, when WorkFlux is configured
   * @param sandbox the embedded sandbox, when running against it
   * @param resources reads the leads file
   * @param environment tells where the leads go
   * @param leadsLocation {@code quickstart.leads}: the leads file
   * @param workflowId {@code quickstart.workflow-id}: the workflow for workflow leads
   * @param campaignId {@code quickstart.campaign-id}: the campaign for campaign leads
   * @param output {@code quickstart.output}: where to write the outcomes
   * @param timeout {@code quickstart.timeout}: the longest wait for the outcomes
   */
  public Quickstart(
      LeadClient leads,
      OutcomeTracker tracker,
      ChatTracker chats,
      FollowUps followUps,
      ObjectProvider<WorkFluxClient> workflux,
      ObjectProvider<Sandbox> sandbox,
      ResourceLoader resources,
      Environment environment,
      @Value("${quickstart.leads}") String leadsLocation,
      @Value("${quickstart.workflow-id}") String workflowId,
      @Value("${quickstart.campaign-id}") String campaignId,
      @Value("${quickstart.output}") String output,
      @Value("${quickstart.timeout}") String timeout) {
    this.leads = leads;
    this.tracker = tracker;
    this.chats = chats;
    this.followUps = followUps;
    this.workflux = workflux;
    this.sandbox = sandbox;
    this.resources = resources;
    this.environment = environment;
    this.leadsLocation = leadsLocation;
    this.workflowId = workflowId;
    this.campaignId = campaignId;
    this.output = Path.of(output);
    this.timeout = Durations.parse("quickstart.timeout", timeout);
  }

  /**
   * Runs the quickstart.
   *
   * @return 0 when every lead got an outcome, 1 otherwise
   */
  public int execute() {
    List<Lead> all = readLeads();
    String sandboxUrl = environment.getProperty(EmbeddedSandbox.SANDBOX_URL);
    out.println();
    out.println(
        "Switchboard quickstart on Spring Boot "
            + SpringBootVersion.getVersion()
            + ", Java "
            + System.getProperty("java.version")
            + ": "
            + all.size()
            + " leads from "
            + leadsLocation
            + (sandboxUrl != null
                ? ", against the embedded sandbox at " + sandboxUrl
                : ", against the real platforms"));
    for (Lead lead : all) {
      tracker.expect(lead, PhoneNumbers.toTenDigits(lead.phone()).orElse(lead.phone()));
    }

    long workflows = all.stream().filter(l -> l.platform().equals(Lead.WORKFLOW)).count();
    out.printf(
        "Submitting %d leads: %d to workflow %s, %d to campaign %s%n",
        all.size(), workflows, workflowId, all.size() - workflows, campaignId);
    List<LeadSubmission> submissions =
        all.stream().map(l -> l.submission(workflowId, campaignId)).toList();
    Progress submitted = new Progress(out, "submitted", all.size());
    List<String> failed = new ArrayList<>();
    BulkResult result =
        leads.submitAll(
            submissions,
            (completed, total, outcome) -> {
              Lead lead = all.get(outcome.index());
              if (outcome.succeeded()) {
                outcome.receipt().leadId().ifPresent(id -> tracker.leadId(id, lead.reference()));
              }
              submitted.update(completed);
            });
    for (LeadOutcome outcome : result.failed()) {
      Lead lead = all.get(outcome.index());
      tracker.forget(lead.reference());
      failed.add(lead.reference() + " (line " + lead.line() + "): " + outcome.error().getMessage());
    }
    if (!failed.isEmpty()) {
      out.println(failed.size() + " leads were not accepted:");
      failed.forEach(f -> out.println("  " + f));
    }

    int accepted = result.succeeded().size();
    out.printf("Waiting for %d call outcomes (at most %ds)%n", accepted, timeout.toSeconds());
    Progress received = new Progress(out, "outcomes", accepted);
    boolean complete;
    try {
      complete = tracker.awaitAll(timeout, received::update);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      complete = false;
    }
    received.end();
    sandbox.ifAvailable(Quickstart::awaitIdle);

    Map<String, Outcome> outcomes = tracker.outcomes();
    boolean followedUp = true;
    WorkFluxClient client = workflux.getIfAvailable();
    if (client != null
        && environment.getProperty("quickstart.workflux.enabled", Boolean.class, true)) {
      followedUp = followUp(client, outcomes, all);
      sandbox.ifAvailable(Quickstart::awaitIdle);
    }

    Report report = new Report(all, outcomes);
    out.println();
    report.printSummary(out);
    out.printf(
        "%nFutwork post-call events: %d (%d intermediate stages, %d updates of an outcome)%n",
        tracker.deliveries(), tracker.intermediate(), tracker.updates());
    out.println(chats.summary());
    if (client != null
        && environment.getProperty("quickstart.workflux.enabled", Boolean.class, true)) {
      out.println(followUps.summary());
    }
    sandbox.ifAvailable(this::printSandboxDeliveries);
    try {
      report.writeCsv(output);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + output.toAbsolutePath(), e);
    }
    out.println("Wrote " + output.toAbsolutePath() + " (" + outcomes.size() + " outcomes)");

    List<Lead> missing = List.copyOf(tracker.withoutOutcome());
    if (!followedUp) {
      out.println(
          "WorkFlux follow-ups without a completed conversation: " + followUps.incomplete());
    }
    if (complete && failed.isEmpty() && followedUp) {
      out.println("All " + all.size() + " leads have an outcome.");
      return 0;
    }
    if (!missing.isEmpty()) {
      out.println(
          "Timed out after "
              + timeout.toSeconds()
              + "s: "
              + missing.size()
              + " of "
              + all.size()
              + " leads have no outcome:");
      for (Lead lead : missing) {
        out.println(
            "  "
                + lead.reference()
                + " ("
                + lead.platform()
                + ", "
                + lead.customerName()
                + ", line "
                + lead.line()
                + ")");
      }
      out.println(
          "Check that the platform can reach this application's /webhooks/futwork and sends"
              + " the secret set in futwork.webhook.secret; raise quickstart.timeout for real"
              + " calls.");
    }
    if (!failed.isEmpty()) {
      out.println(failed.size() + " leads were not accepted (see above).");
    }
    return 1;
  }

  /**
   * Hands the interested leads to a WorkFlux agent: subscribes this application's receiver to
   * WorkFlux's conversation events, opens one conversation per lead, and waits until each has
   * completed. The subscription is removed afterwards.
   */
  private boolean followUp(WorkFluxClient client, Map<String, Outcome> outcomes, List<Lead> all) {
    List<Outcome> interested =
        outcomes.values().stream().filter(o -> FOLLOW_UP.contains(o.disposition())).toList();
    WebhookSubscription subscription;
    try {
      subscription =
          client.createWebhook(
              workfluxCallbackUrl(),
              List.of("conversation.started", "agent.response", "conversation.completed"),
              environment.getRequiredProperty("workflux.webhook.secret"));
    } catch (SwitchboardException e) {
      out.println("WorkFlux: could not subscribe to events: " + e.getMessage());
      return false;
    }
    try {
      Agent agent =
          client
              .streamAgents(Map.of())
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("WorkFlux has no agent"));
      out.printf(
          "Handing %d interested leads to WorkFlux agent \"%s\"%n",
          interested.size(), agent.name());
      Map<String, String> names = new java.util.HashMap<>();
      all.forEach(l -> names.put(l.reference(), l.customerName()));
      for (Outcome outcome : interested) {
        Conversation conversation =
            client.createConversation(
                Map.of(
                    "agent_id", agent.id(),
                    "reference", outcome.reference(),
                    "customer_name", names.getOrDefault(outcome.reference(), ""),
                    "reason", outcome.disposition()));
        followUps.expect(conversation.id(), outcome.reference());
      }
      return followUps.awaitAll(timeout);
    } catch (SwitchboardException | IllegalStateException e) {
      out.println("WorkFlux: follow-up failed: " + e.getMessage());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      try {
        client.deleteWebhook(subscription.id());
      } catch (SwitchboardException e) {
        out.println(
            "WorkFlux: could not remove subscription " + subscription.id() + ": " + e.getMessage());
      }
    }
  }

  private String workfluxCallbackUrl() {
    String configured = environment.getProperty("quickstart.workflux.callback-url");
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    return "http://127.0.0.1:"
        + environment.getProperty("local.server.port")
        + environment.getProperty("workflux.webhook.path", "/webhooks/workflux");
  }

  /**
   * Lets the sandbox finish what follows the last awaited event (Flowforge events after a call's
   * outcome, a conversation's earlier events delivered out of order), for a while.
   */
  private static void awaitIdle(Sandbox sandbox) {
    for (int i = 0; i < 100 && !sandbox.idle(); i++) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void printSandboxDeliveries(Sandbox sandbox) {
    List<DeliveryAttempt> attempts = sandbox.deliveryAttempts();
    List<DeliveryAttempt> delivered =
        attempts.stream().filter(a -> a.outcome() == DeliveryAttempt.Outcome.DELIVERED).toList();
    long distinct = delivered.stream().map(a -> a.event() + " " + a.key()).distinct().count();
    out.printf(
        "Sandbox: %d leads accepted, %d deliveries made (%d failed attempts retried,"
            + " %d sent twice on purpose)%n",
        sandbox.acceptedLeads(),
        delivered.size(),
        attempts.stream().filter(a -> a.outcome() == DeliveryAttempt.Outcome.RETRYING).count(),
        delivered.size() - distinct);
  }

  private List<Lead> readLeads() {
    Resource resource =
        leadsLocation.contains(":")
            ? resources.getResource(leadsLocation)
            : resources.getResource("file:" + leadsLocation);
    try (InputStream in = resource.getInputStream()) {
      return Lead.read(in, leadsLocation);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not read the leads file " + leadsLocation + " (quickstart.leads)", e);
    }
  }

  /** A one-line progress bar, redrawn in a terminal and printed in steps otherwise. */
  static final class Progress {
    private final PrintStream out;
    private final String what;
    private final int total;
    private final boolean terminal = System.console() != null;
    private int shown = -1;

    Progress(PrintStream out, String what, int total) {
      this.out = out;
      this.what = what;
      this.total = total;
    }

    void update(int done) {
      if (done == shown) {
        return;
      }
      int width = 20;
      int filled = total == 0 ? width : done * width / total;
      String line =
          "  ["
              + "#".repeat(filled)
              + " ".repeat(width - filled)
              + "] "
              + done
              + "/"
              + total
              + " "
              + what;
      if (terminal) {
        out.print("\r" + line);
        if (done == total) {
          out.println();
        }
      } else if (done == total || done % 5 == 0) {
        out.println(line);
      }
      shown = done;
    }

    void end() {
      if (terminal && shown != total) {
        out.println();
      }
    }
  }
}
