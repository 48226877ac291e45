package dev.switchboard.benchmarks.startup;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small web application. Once ready it prints {@code STARTUP <ms since JVM start> <Switchboard
 * beans>} and exits.
 */
@SpringBootApplication
@RestController
public class StartupApp {

  /**
   * A page, so that the application is a real web application.
   *
   * @return a greeting
   */
  @GetMapping("/hello")
  public String hello() {
    return "hello";
  }

  /**
   * Reports and exits.
   *
   * @param event the ready event
   */
  @EventListener
  public void ready(ApplicationReadyEvent event) {
    long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
    ConfigurableApplicationContext context = event.getApplicationContext();
    long sdkBeans =
        Arrays.stream(context.getBeanDefinitionNames())
            .map(name -> context.getBeanFactory().getType(name))
            .filter(type -> type != null && type.getName().startsWith("dev.switchboard."))
            .filter(type -> !type.getName().startsWith("dev.switchboard.benchmarks."))
            .count();
    System.out.println("STARTUP " + uptime + " " + sdkBeans);
    System.out.flush();
    System.exit(SpringApplication.exit(context, () -> 0));
  }

  /**
   * Starts the application.
   *
   * @param args Spring Boot arguments
   */
  public static void main(String[] args) {
    SpringApplication.run(StartupApp.class, args);
  }
}
