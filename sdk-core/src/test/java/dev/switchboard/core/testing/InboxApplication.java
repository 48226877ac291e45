package dev.switchboard.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.json.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A web application in the inbox mode on a fresh database of the test PostgreSQL server (JDBC
 * store, schema created, a 100 ms poll), for a vendor module's end-to-end inbox tests: the module's
 * receiver comes from its auto-configuration, the listener from the caller.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class InboxApplication {

  private static final String DATABASE_URL = "switchboard.test.database-url";

  /**
   * A DataSource on the application's test database (needs {@code spring-jdbc} and the PostgreSQL
   * driver on the test classpath).
   *
   * @param environment where the database's URL is
   * @return an unpooled DataSource
   */
  @Bean
  DataSource dataSource(Environment environment) {
    return new SimpleDriverDataSource(
        new org.postgresql.Driver(), environment.getRequiredProperty(DATABASE_URL), "postgres", "");
  }

  /**
   * Starts an application on a random port and a new database.
   *
   * @param listener a class with {@code @EventListener} methods, registered as a bean
   * @param properties the vendor's settings and any inbox settings to change
   * @return the running application
   */
  public static ConfigurableApplicationContext start(Class<?> listener, String... properties) {
    return new SpringApplicationBuilder(InboxApplication.class, listener)
        .properties(
            "server.port=0",
            "spring.main.banner-mode=off",
            DATABASE_URL + "=" + TestPostgres.newDatabase().url(),
            "switchboard.webhook.store.type=jdbc",
            "switchboard.webhook.store.jdbc.initialize-schema=true",
            "switchboard.webhook.mode=inbox",
            "switchboard.webhook.inbox.poll-interval=100ms")
        .properties(properties)
        .run();
  }

  /**
   * The acknowledgement's {@code status}: {@code accepted} when stored, {@code duplicate} when
   * already held.
   *
   * @param response the receiver's answer
   * @return the status
   */
  public static String status(HttpResponse<String> response) {
    try {
      JsonNode answer = Json.mapper().readTree(response.body());
      return answer.path("status").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
