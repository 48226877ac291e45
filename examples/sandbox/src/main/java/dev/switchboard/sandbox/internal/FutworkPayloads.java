package dev.switchboard.sandbox.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.switchboard.core.json.internal.Json;
import dev.switchboard.futwork.webhook.CampaignPostCall;
import dev.switchboard.futwork.webhook.Transcript;
import dev.switchboard.futwork.webhook.WorkflowPostCall;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * The one place post-call bodies are made: the sandbox's call turned into the SDK's own records
 * ({@link WorkflowPostCall}, {@link CampaignPostCall}) and written with the SDK's own mapper, so
 * what the sandbox sends cannot drift from what the receivers read.
 */
final class FutworkPayloads {

  static final String FROM_NUMBER = "+918035735856";

  private FutworkPayloads() {}

  /** A workflow lead as accepted. */
  record WorkflowLeadIn(
      String workflowId, String phone, Map<String, Object> recipientData, String referenceId) {}

  /** A campaign lead as accepted. */
  record CampaignLeadIn(
      String campaignId,
      String leadId,
      String agentId,
      String phone,
      Map<String, Object> recipientData) {}

  static byte[] workflowPostCall(WorkflowLeadIn lead, SimulatedCall call) {
    return write(
        new WorkflowPostCall(
            lead.phone(),
            lead.recipientData(),
            lead.referenceId(),
            lead.workflowId(),
            call.disposition(),
            call.recordingUrl(),
            minutes(call.seconds()),
            call.data(),
            true,
            call.stage(),
            null));
  }

  static byte[] workflowIntermediate(WorkflowLeadIn lead) {
    return write(
        new WorkflowPostCall(
            lead.phone(),
            lead.recipientData(),
            lead.referenceId(),
            lead.workflowId(),
            "no_answer",
            "",
            "0.0",
            Map.of(),
            false,
            "retry_scheduled",
            null));
  }

  static byte[] campaignPostCall(CampaignLeadIn lead, SimulatedCall call, String providerCallId) {
    String e164 = "+91" + lead.phone();
    return write(
        new CampaignPostCall(
            call.callId(),
            lead.leadId(),
            lead.campaignId(),
            lead.agentId(),
            call.status(),
            new CampaignPostCall.TelephonyData(
                "outbound",
                String.format(Locale.ROOT, "%.1f", call.seconds()),
                e164,
                FROM_NUMBER,
                call.recordingUrl(),
                true,
                providerCallId,
                "exotel",
                call.hangupBy(),
                call.hangupReason(),
                call.hangupProviderCode()),
            new CampaignPostCall.ContextDetails(
                e164, lead.recipientData(), lead.leadId(), lead.agentId(), lead.campaignId()),
            Transcript.of(call.transcript()),
            call.connected() ? call.disposition() : "",
            call.connected() ? call.data() : null,
            null));
  }

  private static String minutes(double seconds) {
    return String.format(Locale.ROOT, "%.1f", seconds / 60.0);
  }

  private static byte[] write(Object body) {
    try {
      return Json.mapper().writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
