package dev.switchboard.benchmarks.floor;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** Floor of the field mappings' auto-configuration: one bean, no condition on the class. */
@AutoConfiguration
public class FloorMappingsAutoConfiguration {

  /** Creates the configuration. */
  public FloorMappingsAutoConfiguration() {}

  /**
   * The mappings.
   *
   * @param environment the environment
   * @return a bean that does nothing
   */
  @Bean
  @ConditionalOnMissingBean
  public FloorBeans.Mappings floorMappings(Environment environment) {
    return new FloorBeans.Mappings(environment);
  }
}
