package dev.switchboard.benchmarks.floor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.benchmarks.StarterProperties;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * The floor must keep the SDK's shape, or the startup part's floor rows stop saying what Spring
 * charges for it: under the benchmark's arguments, as many auto-configurations, beans, properties
 * records and handler mappings as the SDK's own auto-configurations give.
 */
class FloorShapeTest {

  private static final String[] PROPERTIES =
      StarterProperties.args().stream().map(a -> a.substring(2)).toArray(String[]::new);

  @Test
  void theFloorHasTheShapeOfTheSdk() throws IOException {
    List<String> sdk =
        StreamSupport.stream(
                ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader())
                    .spliterator(),
                false)
            .filter(name -> name.startsWith("dev.switchboard."))
            .toList();
    List<String> floor = floorImports();
    assertThat(sdk).hasSize(7);
    assertThat(floor)
        .hasSameSizeAs(sdk)
        .allMatch(name -> name.startsWith("dev.switchboard.benchmarks.floor."));

    Shape sdkShape = shape(sdk, type -> !type.getName().startsWith("dev.switchboard.benchmarks."));
    Shape floorShape =
        shape(floor, type -> type.getName().startsWith("dev.switchboard.benchmarks.floor."));

    assertThat(sdkShape.beans()).isEqualTo(20);
    assertThat(floorShape).isEqualTo(sdkShape);
  }

  private static List<String> floorImports() throws IOException {
    try (InputStream in =
        FloorShapeTest.class.getResourceAsStream(
            "/floor/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")) {
      return Arrays.stream(
              new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8)
                  .split("\n"))
          .map(String::trim)
          .filter(line -> !line.isEmpty())
          .toList();
    }
  }

  private record Shape(long beans, long properties, long handlerMappings) {}

  private static Shape shape(List<String> autoConfigurations, Predicate<Class<?>> own) {
    Class<?>[] classes =
        autoConfigurations.stream().map(FloorShapeTest::load).toArray(Class<?>[]::new);
    Shape[] result = new Shape[1];
    new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(classes))
        .withPropertyValues(PROPERTIES)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              List<Class<?>> types = types(context.getSourceApplicationContext());
              List<Class<?>> mine =
                  types.stream()
                      .filter(t -> t.getName().startsWith("dev.switchboard."))
                      .filter(own)
                      .toList();
              result[0] =
                  new Shape(
                      mine.size(),
                      mine.stream()
                          .filter(t -> t.isAnnotationPresent(ConfigurationProperties.class))
                          .count(),
                      context.getBeansOfType(SimpleUrlHandlerMapping.class).size());
            });
    return result[0];
  }

  private static List<Class<?>> types(ConfigurableApplicationContext context) {
    return Arrays.stream(context.getBeanDefinitionNames())
        .map(name -> context.getBeanFactory().getType(name))
        .filter(Objects::nonNull)
        .<Class<?>>map(type -> type)
        .toList();
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
