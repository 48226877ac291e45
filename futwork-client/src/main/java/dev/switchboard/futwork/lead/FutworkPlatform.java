package dev.switchboard.futwork.lead;

/** The two Futwork platforms, each with its own base URL and, optionally, its own API key. */
public enum FutworkPlatform {
  /** Futwork Workflows (omni): leads go to a workflow. */
  WORKFLOWS("futwork-workflows", "futwork.workflows"),
  /** The Futwork AI Platform: leads go to a campaign. */
  CAMPAIGNS("futwork-campaigns", "futwork.campaigns");

  private final String label;
  private final String prefix;

  FutworkPlatform(String label, String prefix) {
    this.label = label;
    this.prefix = prefix;
  }

  /**
   * The platform's name in messages and logs.
   *
   * @return the label
   */
  public String label() {
    return label;
  }

  /**
   * The configuration prefix of this platform's own properties.
   *
   * @return the prefix, such as {@code futwork.workflows}
   */
  public String propertyPrefix() {
    return prefix;
  }
}
