package dev.switchboard.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The whole loop, as {@code java -jar} runs it: leads out, outcomes back, report, exit code. */
@ExtendWith(OutputCaptureExtension.class)
class QuickstartTest {

  @TempDir Path dir;

  private int run(String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "--quickstart.output=" + dir.resolve("outcomes.csv"),
                "--quickstart.sandbox.call-delay-min=0s",
                "--quickstart.sandbox.call-delay-max=500ms"));
    args.addAll(List.of(extra));
    return QuickstartApplication.run(args.toArray(String[]::new));
  }

  @Test
  void everyLeadGetsAnOutcomeAndTheRunExitsWithZero(CapturedOutput output) throws Exception {
    int code = run();

    assertThat(code).isZero();
    assertThat(output)
        .contains(
            "Switchboard quickstart on Spring Boot "
                + SpringBootVersion.getVersion()
                + ", Java "
                + System.getProperty("java.version")
                + ": 20 leads from classpath:leads.csv");
    assertThat(output).contains("Submitting 20 leads: 11 to workflow wf_6512, 9 to campaign");
    assertThat(output).contains("20/20 submitted").contains("20/20 outcomes");
    assertThat(output).containsPattern("leads\\s+11\\s+9\\s+20");
    assertThat(output).contains("All 20 leads have an outcome.");
    assertThat(output).containsPattern("Flowforge: [1-9]\\d* conversations closed");
    assertThat(output)
        .containsPattern(
            "WorkFlux: (\\d+) follow-up conversations for interested leads, \\1 completed");
    List<String> rows = Files.readAllLines(dir.resolve("outcomes.csv"));
    assertThat(rows).hasSize(21);
    assertThat(rows.get(0)).startsWith("reference,platform,customer_name,disposition");
    assertThat(rows.subList(1, 21)).noneMatch(r -> r.contains("no outcome"));
    assertThat(rows).anyMatch(r -> r.startsWith("AWB-100201,workflow,Asha Rao,"));
    assertThat(rows).anyMatch(r -> r.startsWith("CMP-200203,campaign,Meera Iyer,"));
  }

  @Test
  void getsThroughABadDay(CapturedOutput output) throws Exception {
    int code = run("--quickstart.sandbox.failures=bad-day");

    assertThat(code).isZero();
    assertThat(output).contains("All 20 leads have an outcome.");
    assertThat(output)
        .containsPattern(
            "Sandbox: 20 leads accepted, \\d+ deliveries made \\(\\d+ failed attempts retried, [1-9]\\d* sent twice");
    assertThat(output).contains("answered 503").contains("answered 429");
  }

  @Test
  void saysWhichLeadsHadNoOutcomeAndExitsWithOne(CapturedOutput output) throws Exception {
    int code = run("--quickstart.sandbox.callback-path=/nowhere", "--quickstart.timeout=2s");

    assertThat(code).isEqualTo(1);
    assertThat(output).contains("Timed out after 2s: 20 of 20 leads have no outcome:");
    assertThat(output).contains("AWB-100201 (workflow, Asha Rao, line 2)");
    assertThat(Files.readAllLines(dir.resolve("outcomes.csv")))
        .filteredOn(r -> r.contains("no outcome"))
        .hasSize(20);
  }
}
