package dev.switchboard.workflux.webhook;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;

/** Records what the application's listeners received. */
public class Recorder {

  /** Every event, through a listener of the whole family. */
  public final List<WorkFluxEvent> all = new CopyOnWriteArrayList<>();

  /** conversation.started events. */
  public final List<ConversationStarted> started = new CopyOnWriteArrayList<>();

  /** conversation.completed events. */
  public final List<ConversationCompleted> completed = new CopyOnWriteArrayList<>();

  /** agent.response events. */
  public final List<AgentResponse> responses = new CopyOnWriteArrayList<>();

  /** Events of any other type. */
  public final List<UnknownWorkFluxEvent> unknown = new CopyOnWriteArrayList<>();

  /** Clears everything. */
  public void reset() {
    all.clear();
    started.clear();
    completed.clear();
    responses.clear();
    unknown.clear();
  }

  @EventListener
  void on(WorkFluxEvent event) {
    all.add(event);
  }

  @EventListener
  void on(ConversationStarted event) {
    started.add(event);
  }

  @EventListener
  void on(ConversationCompleted event) {
    completed.add(event);
  }

  @EventListener
  void on(AgentResponse event) {
    responses.add(event);
  }

  @EventListener
  void on(UnknownWorkFluxEvent event) {
    unknown.add(event);
  }
}
