package dev.switchboard.quickstart;

import dev.switchboard.futwork.lead.CampaignLead;
import dev.switchboard.futwork.lead.LeadSubmission;
import dev.switchboard.futwork.lead.WorkflowLead;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One row of the leads file: {@code platform} ({@code workflow} or {@code campaign}), {@code
 * phone}, {@code reference}, and any other columns, which travel as the lead's custom fields.
 *
 * @param line the row's line number in the file
 * @param platform {@code workflow} or {@code campaign}
 * @param phone the number, as written
 * @param reference your id for the lead
 * @param fields the other columns
 */
record Lead(int line, String platform, String phone, String reference, Map<String, String> fields) {

  static final String WORKFLOW = "workflow";
  static final String CAMPAIGN = "campaign";

  /**
   * The custom field a campaign lead carries its reference in: campaigns have no {@code
   * referenceId}, and {@code recipientData} comes back in the post-call delivery.
   */
  static final String REFERENCE_FIELD = "reference";

  String customerName() {
    return fields.getOrDefault("customer_name", "");
  }

  LeadSubmission submission(String workflowId, String campaignId) {
    if (platform.equals(WORKFLOW)) {
      return LeadSubmission.workflow(workflowId, WorkflowLead.of(phone, fields, reference));
    }
    Map<String, String> data = new LinkedHashMap<>(fields);
    data.put(REFERENCE_FIELD, reference);
    return LeadSubmission.campaign(campaignId, CampaignLead.of(phone, data));
  }

  /**
   * Reads a leads file: a header row, then one lead per row; simple CSV (no quoted commas).
   *
   * @param in the file
   * @param name its name, for messages
   * @return the leads
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when a row is malformed, naming its line
   */
  static List<Lead> read(InputStream in, String name) throws IOException {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String header = reader.readLine();
      if (header == null) {
        throw new IllegalArgumentException(name + " is empty: it needs a header row");
      }
      List<String> columns = Arrays.stream(header.split(",")).map(String::trim).toList();
      for (String required : List.of("platform", "phone", "reference")) {
        if (!columns.contains(required)) {
          throw new IllegalArgumentException(name + " has no '" + required + "' column");
        }
      }
      List<Lead> leads = new ArrayList<>();
      String row;
      int line = 1;
      while ((row = reader.readLine()) != null) {
        line++;
        if (row.isBlank()) {
          continue;
        }
        String[] cells = row.split(",", -1);
        if (cells.length != columns.size()) {
          throw new IllegalArgumentException(
              name + " line " + line + ": " + cells.length + " cells, expected " + columns.size());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        String platform = null;
        String phone = null;
        String reference = null;
        for (int i = 0; i < cells.length; i++) {
          String value = cells[i].trim();
          switch (columns.get(i)) {
            case "platform" -> platform = value.toLowerCase(Locale.ROOT);
            case "phone" -> phone = value;
            case "reference" -> reference = value;
            default -> fields.put(columns.get(i), value);
          }
        }
        if (!platform.equals(WORKFLOW) && !platform.equals(CAMPAIGN)) {
          throw new IllegalArgumentException(
              name + " line " + line + ": platform must be workflow or campaign, was " + platform);
        }
        if (reference.isEmpty()) {
          throw new IllegalArgumentException(name + " line " + line + ": reference is empty");
        }
        leads.add(new Lead(line, platform, phone, reference, fields));
      }
      return leads;
    }
  }
}
