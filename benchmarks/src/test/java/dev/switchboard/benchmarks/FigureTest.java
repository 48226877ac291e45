package dev.switchboard.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FigureTest {

  @Test
  void ratioGoalsCompareSdkOverBaseline() {
    Figure fast = new Figure("a", "b", "req/s", 960, 1000, "ratio>=0.95", "");
    Figure slow = new Figure("a", "b", "req/s", 940, 1000, "ratio>=0.95", "");
    Figure latency = new Figure("a", "b", "ms", 16, 10, "ratio<=1.5", "");

    assertThat(fast.ratio()).isEqualTo(0.96);
    assertThat(fast.met()).isEqualTo("yes");
    assertThat(slow.met()).isEqualTo("NO");
    assertThat(latency.met()).isEqualTo("NO");
    assertThat(latency.goalText()).isEqualTo("ratio <= 1.5");
  }

  @Test
  void differenceGoalsCompareSdkMinusBaseline() {
    Figure startup = new Figure("a", "b", "ms", 1890, 1800, "diff<=100", "");

    assertThat(startup.difference()).isEqualTo(90);
    assertThat(startup.met()).isEqualTo("yes");
    assertThat(startup.goalText()).isEqualTo("at most +100 ms");
    assertThat(new Figure("a", "b", "ms", 1950, 1800, "diff<=100", "").met()).isEqualTo("NO");
  }

  @Test
  void aMissingFigureOrGoalIsNeitherMetNorMissed() {
    assertThat(new Figure("a", "b", "ms", Double.NaN, 1, "ratio>=1.0", "").met()).isEqualTo("-");
    assertThat(new Figure("a", "b", "ms", 2, 1, "-", "").met()).isEqualTo("-");
    assertThat(new Figure("a", "b", "ms", 2, 1, "-", "").goalText()).isEqualTo("none (reported)");
  }

  @Test
  void aFigureSurvivesItsTsvLine() {
    Figure f = new Figure("Lead", "one at a time", "req/s", 1234.5, Double.NaN, "ratio>=0.95", "n");

    assertThat(Figure.parse(f.toTsv())).isEqualTo(f);
  }

  @Test
  void theTableHasOneRowPerFigure() {
    String table =
        Report.table(
            List.of(
                new Figure("Lead", "serial", "req/s", 950, 1000, "ratio>=0.95", ""),
                new Figure("Startup", "ready", "ms", 1890, 1800, "diff<=100", "")));

    assertThat(table.lines())
        .hasSize(4)
        .contains("| Lead | serial | req/s | 950 | 1,000 | 0.950 | -50.0 | ratio >= 0.95 | yes |");
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(Results.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
    assertThat(Results.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
  }
}
