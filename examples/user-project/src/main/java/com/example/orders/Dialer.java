package com.example.orders;

import dev.switchboard.futwork.lead.LeadClient;
import dev.switchboard.futwork.lead.LeadReceipt;
import dev.switchboard.futwork.lead.WorkflowLead;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Pushes an order's customer to the Futwork workflow that calls them. */
@Service
public class Dialer {
  private final LeadClient leads;

  Dialer(LeadClient leads) {
    this.leads = leads;
  }

  public LeadReceipt call(Order order) {
    return leads.submitToWorkflow(
        "wf_6512",
        WorkflowLead.of(order.phone(), Map.of("customer_name", order.name()), order.awb()));
  }
}
