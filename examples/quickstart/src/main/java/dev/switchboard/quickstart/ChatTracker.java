package dev.switchboard.quickstart;

import dev.switchboard.flowforge.webhook.CapturedFormCreated;
import dev.switchboard.flowforge.webhook.CapturedIntentCreated;
import dev.switchboard.flowforge.webhook.ConversationClosed;
import dev.switchboard.flowforge.webhook.FlowforgeEvent;
import dev.switchboard.flowforge.webhook.UnknownFlowforgeEvent;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Receives Flowforge's events (forms and intents captured by the voice agent, conversations closed)
 * through one listener for the whole sealed family, and counts them for the report.
 */
@Component
public class ChatTracker {

  private int forms;
  private int closed;
  private int unknown;
  private final Map<String, Integer> intents = new TreeMap<>();

  /** Creates the tracker. */
  public ChatTracker() {}

  /**
   * A Flowforge event arrived.
   *
   * @param event the event
   */
  @EventListener
  public synchronized void on(FlowforgeEvent event) {
    if (event instanceof CapturedFormCreated) {
      forms++;
    } else if (event instanceof CapturedIntentCreated intent) {
      intents.merge(String.valueOf(intent.data().intentName()), 1, Integer::sum);
    } else if (event instanceof ConversationClosed) {
      closed++;
    } else if (event instanceof UnknownFlowforgeEvent) {
      unknown++;
    }
  }

  synchronized int closed() {
    return closed;
  }

  synchronized String summary() {
    return String.format(
        "Flowforge: %d conversations closed, %d forms captured, intents %s%s",
        closed,
        forms,
        intents.isEmpty() ? "none" : intents,
        unknown == 0 ? "" : ", " + unknown + " unknown events");
  }
}
