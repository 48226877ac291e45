package dev.switchboard.quickstart;

import dev.switchboard.futwork.webhook.CampaignPostCall;
import dev.switchboard.futwork.webhook.WorkflowPostCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Receives every post-call outcome as an application event and matches it to the lead it is about:
 * a workflow call by its {@code referenceId}, a campaign call by the reference the lead carried in
 * its {@code recipientData} (or else the lead id the submission returned, or the phone number). A
 * lead's final delivery is its outcome; intermediate stages are counted, not recorded. The SDK
 * publishes every distinct delivery (an exact resend is dropped before it gets here), so a later
 * final delivery for the same call is an update of its outcome: it replaces the one recorded and is
 * counted.
 */
@Component
public class OutcomeTracker {

  private final Map<String, Lead> expected = new LinkedHashMap<>();
  private final Map<String, String> byLeadId = new LinkedHashMap<>();
  private final Map<String, String> byPhone = new LinkedHashMap<>();
  private final Map<String, Outcome> outcomes = new LinkedHashMap<>();
  private int deliveries;
  private int intermediate;
  private int updates;
  private final List<String> unmatched = new ArrayList<>();

  /** Creates the tracker. */
  public OutcomeTracker() {}

  /**
   * Expects an outcome for a lead.
   *
   * @param lead the lead
   * @param tenDigitPhone the lead's number as the platform has it
   */
  synchronized void expect(Lead lead, String tenDigitPhone) {
    expected.put(lead.reference(), lead);
    byPhone.put(tenDigitPhone, lead.reference());
  }

  /**
   * Stops expecting an outcome for a lead the platform did not accept.
   *
   * @param reference the lead's reference
   */
  synchronized void forget(String reference) {
    expected.remove(reference);
    notifyAll();
  }

  /**
   * Remembers the platform's id for a lead, from the submission's receipt.
   *
   * @param leadId the platform's id
   * @param reference the lead's reference
   */
  synchronized void leadId(String leadId, String reference) {
    byLeadId.put(leadId, reference);
  }

  /**
   * A workflow call ended (or reached a stage).
   *
   * @param call the delivery
   */
  @EventListener
  public void on(WorkflowPostCall call) {
    record(
        call.referenceId(),
        call.terminal(),
        () ->
            new Outcome(
                call.referenceId(),
                Lead.WORKFLOW,
                call.dispositionIfPresent().orElse("(none)"),
                call.stage(),
                call.conversationDuration().orElse(null),
                call.recordingUrlIfPresent().orElse(""),
                call.collectedDataOrEmpty()));
  }

  /**
   * A campaign call ended.
   *
   * @param call the delivery
   */
  @EventListener
  public void on(CampaignPostCall call) {
    String reference = campaignReference(call);
    record(
        reference,
        true,
        () ->
            new Outcome(
                reference,
                Lead.CAMPAIGN,
                call.dispositionIfPresent().orElse("(none: " + call.status() + ")"),
                call.status(),
                call.callDuration().orElse(null),
                call.recordingUrlIfPresent().orElse(""),
                call.extractedDataOrEmpty()));
  }

  private synchronized String campaignReference(CampaignPostCall call) {
    if (call.contextDetails() != null) {
      Object reference = call.contextDetails().recipientDataOrEmpty().get(Lead.REFERENCE_FIELD);
      if (reference instanceof String s && expected.containsKey(s)) {
        return s;
      }
    }
    if (call.leadId() != null && byLeadId.containsKey(call.leadId())) {
      return byLeadId.get(call.leadId());
    }
    return Optional.ofNullable(call.telephonyData())
        .flatMap(CampaignPostCall.TelephonyData::toNumberTenDigits)
        .map(byPhone::get)
        .orElse(call.leadId());
  }

  private synchronized void record(
      String reference, boolean terminal, java.util.function.Supplier<Outcome> outcome) {
    deliveries++;
    if (reference == null || !expected.containsKey(reference)) {
      unmatched.add(String.valueOf(reference));
      return;
    }
    if (!terminal) {
      intermediate++;
      return;
    }
    if (outcomes.put(reference, outcome.get()) != null) {
      updates++;
      return;
    }
    notifyAll();
  }

  /**
   * Waits until every expected lead has an outcome.
   *
   * @param timeout the longest wait
   * @param progress told of the count of outcomes whenever it changes
   * @return whether every lead has one
   * @throws InterruptedException when interrupted
   */
  synchronized boolean awaitAll(Duration timeout, java.util.function.IntConsumer progress)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int told = -1;
    while (outcomes.size() < expected.size()) {
      if (outcomes.size() != told) {
        told = outcomes.size();
        progress.accept(told);
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    progress.accept(outcomes.size());
    return true;
  }

  synchronized Map<String, Outcome> outcomes() {
    return new LinkedHashMap<>(outcomes);
  }

  synchronized Collection<Lead> withoutOutcome() {
    return expected.values().stream().filter(l -> !outcomes.containsKey(l.reference())).toList();
  }

  synchronized int deliveries() {
    return deliveries;
  }

  synchronized int intermediate() {
    return intermediate;
  }

  synchronized int updates() {
    return updates;
  }

  synchronized List<String> unmatched() {
    return List.copyOf(unmatched);
  }
}
