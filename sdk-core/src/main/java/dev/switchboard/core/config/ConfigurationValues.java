package dev.switchboard.core.config;

import dev.switchboard.core.Secret;
import java.util.List;

/**
 * Refuses credential and URL properties whose value still holds an unresolved {@code ${...}}
 * placeholder. Spring Boot binds such a value as its literal text when what it refers to is not
 * defined (an unset environment variable), which would make {@code ${FUTWORK_WEBHOOK_SECRET}} a
 * secret anyone can guess. Every module's properties call these checks when they are bound.
 */
public final class ConfigurationValues {

  private ConfigurationValues() {}

  /**
   * Checks a plain value.
   *
   * @param property the property's name, such as {@code workflux.base-url}
   * @param value the bound value, may be null
   * @return the value
   * @throws UnresolvedPlaceholderException when the value holds {@code ${...}}
   */
  public static String requireResolved(String property, String value) {
    String placeholder = placeholderIn(value);
    if (placeholder != null) {
      throw new UnresolvedPlaceholderException(property, placeholder);
    }
    return value;
  }

  /**
   * Checks a secret; the exception names the placeholder, never anything else of the value.
   *
   * @param property the property's name, such as {@code futwork.api-key}
   * @param secret the bound secret, may be null
   * @return the secret
   * @throws UnresolvedPlaceholderException when the secret holds {@code ${...}}
   */
  public static Secret requireResolved(String property, Secret secret) {
    if (secret != null) {
      requireResolved(property, secret.reveal());
    }
    return secret;
  }

  /**
   * Checks a list of secrets, naming the failing entry by its index.
   *
   * @param property the property's name, such as {@code futwork.webhook.secret}
   * @param secrets the bound secrets, may be null
   * @return the secrets
   * @throws UnresolvedPlaceholderException when one holds {@code ${...}}
   */
  public static List<Secret> requireResolved(String property, List<Secret> secrets) {
    if (secrets != null) {
      for (int i = 0; i < secrets.size(); i++) {
        requireResolved(secrets.size() == 1 ? property : property + "[" + i + "]", secrets.get(i));
      }
    }
    return secrets;
  }

  /**
   * Checks a list of plain values, naming the failing entry by its index.
   *
   * @param property the property's name
   * @param values the bound values, may be null
   * @return the values
   * @throws UnresolvedPlaceholderException when one holds {@code ${...}}
   */
  public static List<String> requireResolvedValues(String property, List<String> values) {
    if (values != null) {
      for (int i = 0; i < values.size(); i++) {
        requireResolved(property + "[" + i + "]", values.get(i));
      }
    }
    return values;
  }

  /**
   * Finds the first {@code ${...}} in a value. Only the placeholder is returned: what surrounds it
   * may be part of a secret.
   *
   * @param value the value, may be null
   * @return the placeholder with its braces, or null when there is none
   */
  static String placeholderIn(String value) {
    if (value == null) {
      return null;
    }
    int start = value.indexOf("${");
    if (start < 0) {
      return null;
    }
    int end = value.indexOf('}', start + 2);
    if (end < 0 || end - start > 200) {
      return "${...";
    }
    return value.substring(start, end + 1);
  }
}
