package com.example.orders;

import dev.switchboard.futwork.webhook.WorkflowPostCall;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Keeps each order's call outcome, as Futwork posts it back. */
@Component
public class CallOutcomes {
  private final Map<String, String> dispositions = new ConcurrentHashMap<>();

  @EventListener
  void on(WorkflowPostCall call) {
    if (call.terminal()) {
      dispositions.put(call.referenceId(), call.dispositionIfPresent().orElse("none"));
    }
  }

  public Optional<String> dispositionOf(String awb) {
    return Optional.ofNullable(dispositions.get(awb));
  }
}
