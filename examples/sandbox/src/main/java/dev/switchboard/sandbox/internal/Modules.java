package dev.switchboard.sandbox.internal;

/**
 * Which SDK modules are on the classpath. The sandbox builds each platform's deliveries from that
 * module's own records, and the modules are optional dependencies of the sandbox, so an application
 * embedding it does not get receivers it does not use.
 */
public final class Modules {

  /** Needed for Futwork post-call deliveries. */
  public static final String FUTWORK =
      "dev.switchboard:futwork-webhook-starter (dev.switchboard.futwork.webhook.WorkflowPostCall)";

  /** Needed for Flowforge deliveries. */
  public static final String FLOWFORGE =
      "dev.switchboard:flowforge-webhook-starter"
          + " (dev.switchboard.flowforge.webhook.CapturedFormCreated)";

  /** Needed for signed WorkFlux events. */
  public static final String WORKFLUX =
      "dev.switchboard:workflux-client (dev.switchboard.workflux.webhook.WorkFluxWebhookSigner)";

  private Modules() {}

  /**
   * Whether a module is on the classpath.
   *
   * @param module one of the constants
   * @return whether its class loads
   */
  public static boolean present(String module) {
    String className = module.substring(module.indexOf('(') + 1, module.length() - 1);
    try {
      Class.forName(className, false, Modules.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * Fails when a module is missing.
   *
   * @param module one of the constants
   * @param what what needs it
   * @throws IllegalStateException naming the dependency to add
   */
  public static void require(String module, String what) {
    if (!present(module)) {
      throw new IllegalStateException(
          what
              + " are built with the SDK's own types: add "
              + module.substring(0, module.indexOf(' '))
              + " to the classpath (an optional dependency of switchboard-sandbox).");
    }
  }
}
