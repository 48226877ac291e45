package dev.switchboard.quickstart;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the quickstart: the application comes up (with the embedded sandbox unless the {@code
 * live} profile is active), pushes the leads, waits for their outcomes, reports, and exits with 0
 * when every lead has one.
 */
@SpringBootApplication
public class QuickstartApplication {

  /**
   * Runs the quickstart and exits with its code.
   *
   * @param args Spring Boot arguments, such as {@code --spring.profiles.active=live}
   */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs the quickstart.
   *
   * @param args Spring Boot arguments
   * @return 0 when every lead got an outcome, 1 otherwise
   */
  public static int run(String... args) {
    SpringApplication application = new SpringApplication(QuickstartApplication.class);
    application.addInitializers(new EmbeddedSandbox());
    try (ConfigurableApplicationContext context = application.run(args)) {
      return context.getBean(Quickstart.class).execute();
    }
  }
}
