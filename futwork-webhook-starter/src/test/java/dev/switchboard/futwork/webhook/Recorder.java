package dev.switchboard.futwork.webhook;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.event.EventListener;

/** Records what the application's listeners received; can fail or hold on purpose. */
public class Recorder {

  /** Events the family listener handled successfully. */
  public final List<FutworkEvent> handled = new CopyOnWriteArrayList<>();

  /** Events the typed workflow listener received. */
  public final List<WorkflowPostCall> workflows = new CopyOnWriteArrayList<>();

  /** Events the typed campaign listener received. */
  public final List<CampaignPostCall> campaigns = new CopyOnWriteArrayList<>();

  /** Events the typed unrecognized listener received. */
  public final List<UnrecognizedFutworkPayload> unrecognized = new CopyOnWriteArrayList<>();

  /** How many of the next calls throw. */
  public final AtomicInteger failuresToInject = new AtomicInteger();

  private volatile CountDownLatch gate;
  private volatile CountDownLatch entered;

  /** Clears everything. */
  public void reset() {
    handled.clear();
    workflows.clear();
    campaigns.clear();
    unrecognized.clear();
    failuresToInject.set(0);
    gate = null;
    entered = null;
  }

  /**
   * Makes the next calls wait until {@code gate} opens, signalling {@code entered} first.
   *
   * @param gate the gate
   * @param entered counted down when a call is waiting
   */
  public void hold(CountDownLatch gate, CountDownLatch entered) {
    this.entered = entered;
    this.gate = gate;
  }

  @EventListener
  void on(FutworkEvent event) throws InterruptedException {
    CountDownLatch g = gate;
    if (g != null) {
      entered.countDown();
      if (!g.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("gate never opened");
      }
    }
    if (failuresToInject.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
      throw new IllegalStateException("listener failed on purpose");
    }
    handled.add(event);
  }

  @EventListener
  void onWorkflow(WorkflowPostCall call) {
    workflows.add(call);
  }

  @EventListener
  void onCampaign(CampaignPostCall call) {
    campaigns.add(call);
  }

  @EventListener
  void onUnrecognized(UnrecognizedFutworkPayload payload) {
    unrecognized.add(payload);
  }
}
