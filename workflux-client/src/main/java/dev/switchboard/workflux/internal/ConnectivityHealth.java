package dev.switchboard.workflux.internal;

import dev.switchboard.workflux.client.ConnectivityReport;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns the connectivity check into an Actuator {@code HealthIndicator} of whichever Boot line is
 * present, without compiling against either: Actuator's health types moved from {@code
 * org.springframework.boot.actuate.health} (Boot 3) to {@code
 * org.springframework.boot.health.contributor} (Boot 4), with the same shape ({@code
 * HealthIndicator.health()}, {@code Health.status(String)}, {@code Builder.withDetails(Map)}). The
 * indicator is a {@link Proxy} of the interface found by name.
 */
public final class ConnectivityHealth {

  /** Boot 3's health package. */
  public static final String BOOT3_PACKAGE = "org.springframework.boot.actuate.health";

  /** Boot 4's health package. */
  public static final String BOOT4_PACKAGE = "org.springframework.boot.health.contributor";

  private ConnectivityHealth() {}

  /**
   * The {@code HealthIndicator} interface of a health package.
   *
   * @param healthPackage {@link #BOOT3_PACKAGE} or {@link #BOOT4_PACKAGE}
   * @param loader the class loader that sees Actuator
   * @return the interface
   * @throws IllegalStateException when it is absent
   */
  public static Class<?> indicatorType(String healthPackage, ClassLoader loader) {
    return load(healthPackage + ".HealthIndicator", loader);
  }

  /**
   * A health indicator reporting the connectivity check: {@code UP} or {@code DOWN}, with the
   * latency in milliseconds, what was called or why it failed, and when.
   *
   * @param healthPackage {@link #BOOT3_PACKAGE} or {@link #BOOT4_PACKAGE}
   * @param loader the class loader that sees Actuator
   * @param check runs the connectivity check
   * @return an instance of that package's {@code HealthIndicator}
   */
  public static Object indicator(
      String healthPackage, ClassLoader loader, Supplier<ConnectivityReport> check) {
    Class<?> indicator = indicatorType(healthPackage, loader);
    Class<?> health = load(healthPackage + ".Health", loader);
    Method status;
    Method withDetails;
    Method build;
    try {
      status = health.getMethod("status", String.class);
      Class<?> builder = status.getReturnType();
      withDetails = builder.getMethod("withDetails", Map.class);
      build = builder.getMethod("build");
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(
          "Actuator's Health in " + healthPackage + " does not have the expected builder", e);
    }
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getName().equals("health") && method.getParameterCount() == 0) {
            ConnectivityReport report = check.get();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("latencyMs", report.latency().toMillis());
            details.put("detail", report.detail());
            details.put("checkedAt", report.checkedAt().toString());
            Object b = status.invoke(null, report.up() ? "UP" : "DOWN");
            b = withDetails.invoke(b, details);
            return build.invoke(b);
          }
          if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, args);
          }
          return switch (method.getName()) {
            case "toString" -> "WorkFluxHealthIndicator";
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default ->
                throw new UnsupportedOperationException(
                    "WorkFluxHealthIndicator does not implement " + method);
          };
        };
    return Proxy.newProxyInstance(indicator.getClassLoader(), new Class<?>[] {indicator}, handler);
  }

  private static Class<?> load(String name, ClassLoader loader) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(name + " is not on the classpath", e);
    }
  }
}
