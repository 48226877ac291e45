package dev.switchboard.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FigureTest {

  @Test
  void theRatioIsTheSdkOverTheBaselineAndMeetsItsGoalFromBelow() {
    Figure fast = new Figure("a", "b", "req/s", 960, 1000, 0.95);
    Figure slow = new Figure("a", "b", "req/s", 940, 1000, 0.95);

    assertThat(fast.ratio()).isEqualTo(0.96);
    assertThat(fast.met()).isEqualTo("yes");
    assertThat(slow.met()).isEqualTo("NO");
    assertThat(new Figure("a", "b", "req/s", 950, 1000, 0.95).met()).isEqualTo("yes");
  }

  @Test
  void aReportedFigureHasNoGoalToMeet() {
    assertThat(new Figure("a", "b", "ms", 2100, 2000, Double.NaN).met()).isEqualTo("-");
  }

  @Test
  void aFigureReadsBackAsWritten() {
    Figure f = new Figure("Lead submission", "one at a time", "leads/s", 5796, 6752, 0.95);

    assertThat(Figure.parse(f.toTsv())).isEqualTo(f);
  }

  @Test
  void theTableShowsBothFiguresTheRatioAndTheGoal() {
    String table =
        Report.table(
            List.of(
                new Figure("Ingest", "campaign", "req/s", 37530, 35841, 0.95),
                new Figure("Startup", "time to ready", "ms", 2087, 2020, Double.NaN)));

    assertThat(table.lines())
        .containsSubsequence(
            "| area | figure | unit | SDK | baseline | ratio | goal | met |",
            "| Ingest | campaign | req/s | 37,530 | 35,841 | 1.047 | >= 0.95 | yes |",
            "| Startup | time to ready | ms | 2,087 | 2,020 | 1.033 | reported | - |");
  }

  @Test
  void smallNumbersKeepTheirDecimals() {
    assertThat(Figure.format(13.14)).isEqualTo("13.1");
    assertThat(Figure.format(0.444)).isEqualTo("0.44");
  }
}
