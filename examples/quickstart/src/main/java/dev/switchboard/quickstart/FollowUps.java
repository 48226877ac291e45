package dev.switchboard.quickstart;

import dev.switchboard.workflux.webhook.AgentResponse;
import dev.switchboard.workflux.webhook.ConversationCompleted;
import dev.switchboard.workflux.webhook.ConversationStarted;
import dev.switchboard.workflux.webhook.WorkFluxEvent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Receives WorkFlux's signed events about the follow-up conversations the quickstart opens for
 * interested leads, and tells when each has completed.
 */
@Component
public class FollowUps {

  private final Map<String, String> expected = new LinkedHashMap<>();
  private final Set<String> completed = new LinkedHashSet<>();
  private final Map<String, Integer> types = new LinkedHashMap<>();

  /** Creates the tracker. */
  public FollowUps() {}

  /**
   * Expects a conversation to complete.
   *
   * @param conversationId the conversation
   * @param reference the lead it follows up
   */
  synchronized void expect(String conversationId, String reference) {
    expected.put(conversationId, reference);
  }

  /**
   * A WorkFlux event arrived (its signature already verified by the receiver).
   *
   * @param event the event
   */
  @EventListener
  public synchronized void on(WorkFluxEvent event) {
    String type =
        event instanceof ConversationStarted
            ? "started"
            : event instanceof AgentResponse
                ? "agent responses"
                : event instanceof ConversationCompleted ? "completed" : event.type();
    types.merge(type, 1, Integer::sum);
    if (event instanceof ConversationCompleted) {
      event.conversationId().ifPresent(completed::add);
      notifyAll();
    }
  }

  synchronized boolean awaitAll(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!completed.containsAll(expected.keySet())) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  synchronized List<String> incomplete() {
    return expected.entrySet().stream()
        .filter(e -> !completed.contains(e.getKey()))
        .map(e -> e.getValue() + " (conversation " + e.getKey() + ")")
        .toList();
  }

  synchronized String summary() {
    return String.format(
        "WorkFlux: %d follow-up conversations for interested leads, %d completed (signed events: %s)",
        expected.size(), expected.keySet().stream().filter(completed::contains).count(), types);
  }
}
