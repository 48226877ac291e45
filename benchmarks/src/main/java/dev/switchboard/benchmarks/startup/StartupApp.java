package dev.switchboard.benchmarks.startup;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.metrics.StartupStep;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small web application. Once ready it prints {@code STARTUP <ms since JVM start> <heap bytes
 * used after a full GC> <Switchboard beans> <process CPU ms> <main thread CPU ms> <floor beans>}
 * and exits (floor beans: those of {@link dev.switchboard.benchmarks.floor}, when its
 * auto-configurations are listed).
 */
@SpringBootApplication
@RestController
public class StartupApp {

  /**
   * A page, so the application is a real web application.
   *
   * @return a greeting
   */
  @GetMapping("/hello")
  public String hello() {
    return "hello";
  }

  /**
   * Measures and exits.
   *
   * @param event the ready event
   */
  @EventListener
  public void ready(ApplicationReadyEvent event) {
    long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
    long cpuMillis =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime()
            / 1_000_000;
    long mainCpuMillis = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
    ConfigurableApplicationContext context = event.getApplicationContext();
    List<String> types =
        Arrays.stream(context.getBeanDefinitionNames())
            .map(name -> context.getBeanFactory().getType(name))
            .filter(type -> type != null)
            .map(Class::getName)
            .toList();
    long sdkBeans =
        types.stream()
            .filter(type -> type.startsWith("dev.switchboard."))
            .filter(type -> !type.startsWith("dev.switchboard.benchmarks."))
            .count();
    long floorBeans =
        types.stream().filter(type -> type.startsWith("dev.switchboard.benchmarks.floor.")).count();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    printTrace();
    System.out.println(
        "STARTUP "
            + uptime
            + " "
            + heap
            + " "
            + sdkBeans
            + " "
            + cpuMillis
            + " "
            + mainCpuMillis
            + " "
            + floorBeans);
    System.out.flush();
    System.exit(SpringApplication.exit(context, () -> 0));
  }

  /**
   * Starts the application.
   *
   * @param args Spring Boot arguments
   */
  public static void main(String[] args) {
    SpringApplication app = new SpringApplication(StartupApp.class);
    if (Boolean.getBoolean("bench.startup.trace")) {
      // Diagnosis: the slowest bean instantiations, printed once ready.
      BufferingApplicationStartup startup = new BufferingApplicationStartup(20000);
      app.setApplicationStartup(startup);
      trace = startup;
    }
    app.run(args);
  }

  private static BufferingApplicationStartup trace;

  private static void printTrace() {
    if (trace == null) {
      return;
    }
    // Steps other than bean creation (configuration parsing, conditions, refresh phases), summed by
    // name: nested steps count inside their parents too.
    trace.getBufferedTimeline().getEvents().stream()
        .filter(e -> !e.getStartupStep().getName().equals("spring.beans.instantiate"))
        .collect(
            java.util.stream.Collectors.groupingBy(
                e -> e.getStartupStep().getName(),
                java.util.TreeMap::new,
                java.util.stream.Collectors.summingLong(e -> e.getDuration().toNanos())))
        .forEach(
            (name, nanos) ->
                System.out.printf(Locale.ROOT, "STEP %8.1f ms %s%n", nanos / 1e6, name));
    trace.getBufferedTimeline().getEvents().stream()
        .filter(e -> e.getStartupStep().getName().equals("spring.beans.instantiate"))
        .sorted(
            Boolean.getBoolean("bench.startup.trace.chronological")
                ? Comparator.comparing(StartupTimeline.TimelineEvent::getStartTime)
                : Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed())
        .limit(Integer.getInteger("bench.startup.trace.limit", 25))
        .forEach(
            e -> {
              String bean = "";
              for (StartupStep.Tag tag : e.getStartupStep().getTags()) {
                if (tag.getKey().equals("beanName")) {
                  bean = tag.getValue();
                }
              }
              System.out.printf(
                  Locale.ROOT, "TRACE %6.1f ms %s%n", e.getDuration().toNanos() / 1e6, bean);
            });
  }
}
