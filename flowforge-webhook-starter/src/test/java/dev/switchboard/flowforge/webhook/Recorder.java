package dev.switchboard.flowforge.webhook;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.event.EventListener;

/** Records what the application's listeners received; can fail on purpose. */
public class Recorder {

  /** Events the family listener handled successfully. */
  public final List<FlowforgeEvent> family = new CopyOnWriteArrayList<>();

  /** Events each typed listener received. */
  public final List<Object> typed = new CopyOnWriteArrayList<>();

  /** How many of the next family-listener calls throw. */
  public final AtomicInteger failuresToInject = new AtomicInteger();

  /** Clears everything. */
  public void reset() {
    family.clear();
    typed.clear();
    failuresToInject.set(0);
  }

  @EventListener
  void on(FlowforgeEvent event) {
    if (failuresToInject.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
      throw new IllegalStateException("listener failed on purpose");
    }
    family.add(event);
  }

  @EventListener
  void onForm(CapturedFormCreated form) {
    typed.add(form);
  }

  @EventListener
  void onIntent(CapturedIntentCreated intent) {
    typed.add(intent);
  }

  @EventListener
  void onClosed(ConversationClosed closed) {
    typed.add(closed);
  }

  @EventListener
  void onUnknown(UnknownFlowforgeEvent unknown) {
    typed.add(unknown);
  }
}
