package dev.switchboard.core.config;

/**
 * A credential or URL property still holds a {@code ${...}} placeholder that nothing resolved
 * (typically an environment variable that is not set), so Boot bound the placeholder's text as the
 * value. Names the property and the placeholder, never a value.
 */
public class UnresolvedPlaceholderException extends SwitchboardConfigurationException {

  private static final long serialVersionUID = 1L;

  private final String property;
  private final String placeholder;

  /**
   * Creates the exception.
   *
   * @param property the property, such as {@code futwork.webhook.secret}
   * @param placeholder the unresolved placeholder, such as {@code ${FUTWORK_WEBHOOK_SECRET}}
   */
  public UnresolvedPlaceholderException(String property, String placeholder) {
    super(
        "The property "
            + property
            + " holds the unresolved placeholder "
            + placeholder
            + ": nothing defines what it refers to, so the placeholder's text itself would be used"
            + " as the value.",
        "Define "
            + name(placeholder)
            + " (for example as an environment variable) before starting the application, or set "
            + property
            + " to a value directly.");
    this.property = property;
    this.placeholder = placeholder;
  }

  private static String name(String placeholder) {
    if (!placeholder.endsWith("}")) {
      return "what the placeholder refers to";
    }
    String inner = placeholder.substring(2, placeholder.length() - 1);
    int colon = inner.indexOf(':');
    return colon < 0 ? inner : inner.substring(0, colon);
  }

  /**
   * The property holding the placeholder.
   *
   * @return the property's name
   */
  public String property() {
    return property;
  }

  /**
   * The placeholder, as written in the configuration.
   *
   * @return such as {@code ${FUTWORK_WEBHOOK_SECRET}}
   */
  public String placeholder() {
    return placeholder;
  }
}
