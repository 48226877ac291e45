package dev.switchboard.workflux.autoconfigure;

import dev.switchboard.workflux.client.WorkFluxClient;
import dev.switchboard.workflux.internal.ConnectivityHealth;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/**
 * Registers the {@code workflux} health contributor when Actuator is present, with the interface of
 * whichever Boot line is (Boot 4's {@code spring-boot-health} first, then Boot 3's Actuator) as the
 * bean's type, so Actuator finds it by type before it is created; unless {@code
 * management.health.workflux.enabled} is {@code false}, the application has a bean of that name, or
 * there is no client (no credentials and no client bean: a receive-only application).
 *
 * <p>One registrar rather than a nested configuration per Boot line with its conditions: Spring
 * reads every member class of an auto-configuration at startup, and this decides the same from two
 * class lookups and one property.
 */
final class WorkFluxHealthRegistrar
    implements ImportBeanDefinitionRegistrar,
        BeanFactoryAware,
        BeanClassLoaderAware,
        EnvironmentAware {

  private static final String ENABLED = "management.health.workflux.enabled";

  private BeanFactory beanFactory;

  /**
   * Whether there is a client to check: credentials set (the auto-configured client), or a client
   * bean of the application's. A receive-only application has neither, and no health check.
   */
  private boolean hasClient() {
    if (WorkFluxCredentialsSet.matches(environment)) {
      return true;
    }
    return beanFactory instanceof ListableBeanFactory listable
        && listable.getBeanNamesForType(WorkFluxClient.class, true, false).length > 0;
  }

  private ClassLoader classLoader;
  private Environment environment;

  @Override
  public void setBeanFactory(BeanFactory beanFactory) {
    this.beanFactory = beanFactory;
  }

  @Override
  public void setBeanClassLoader(ClassLoader classLoader) {
    this.classLoader = classLoader;
  }

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void registerBeanDefinitions(
      AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
    // as @ConditionalOnProperty(matchIfMissing = true) reads it: anything but "false" enables it
    if ("false".equalsIgnoreCase(environment.getProperty(ENABLED, "true").strip())
        || registry.containsBeanDefinition(WorkFluxAutoConfiguration.HEALTH_BEAN)
        || !hasClient()) {
      return;
    }
    String healthPackage = healthPackage(classLoader);
    if (healthPackage == null) {
      return;
    }
    @SuppressWarnings("unchecked")
    Class<Object> type =
        (Class<Object>) ConnectivityHealth.indicatorType(healthPackage, classLoader);
    BeanFactory factory = beanFactory;
    ClassLoader loader = classLoader;
    RootBeanDefinition definition =
        new RootBeanDefinition(
            type,
            () ->
                ConnectivityHealth.indicator(
                    healthPackage,
                    loader,
                    () -> factory.getBean(WorkFluxClient.class).checkConnectivity()));
    registry.registerBeanDefinition(WorkFluxAutoConfiguration.HEALTH_BEAN, definition);
  }

  /** Boot 4's health package when present, else Boot 3's, else null (no Actuator). */
  static String healthPackage(ClassLoader loader) {
    for (String candidate :
        new String[] {ConnectivityHealth.BOOT4_PACKAGE, ConnectivityHealth.BOOT3_PACKAGE}) {
      if (ClassUtils.isPresent(candidate + ".HealthIndicator", loader)) {
        return candidate;
      }
    }
    return null;
  }
}
