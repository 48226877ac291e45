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
  void aPairedFigureIsJudgedByTheMedianOfItsPairsDifferences() {
    // Medians 1950 and 1800 (150 apart) but the pairs' differences have a median of 80.
    Figure startup = new Figure("a", "b", "ms", 1950, 1800, "diff<=100", "", 80);

    assertThat(startup.difference()).isEqualTo(80);
    assertThat(startup.met()).isEqualTo("yes");
    assertThat(new Figure("a", "b", "ms", 1850, 1800, "diff<=100", "", 120).met()).isEqualTo("NO");
    assertThat(new Figure("a", "b", "ms", Double.NaN, 1800, "diff<=100", "", 80).met())
        .isEqualTo("-");
    assertThat(Figure.parse(startup.toTsv())).isEqualTo(startup);
  }

  @Test
  void aLineWithoutThePairedColumnStillReads() {
    Figure f = Figure.parse("Lead\tserial\treq/s\t950.0\t1000.0\tratio>=0.95\tn");

    assertThat(f.difference()).isEqualTo(-50);
    assertThat(f.pairedDifference()).isNaN();
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
  void theMedianOfThePairsDifferencesKeepsThePairs() {
    // Five pairs on a quiet host, then five in a slow stretch that slows each run differently: the
    // SDK adds 50 to 60 ms to every quiet pair, and the slow pairs scatter both ways.
    List<Double> with =
        List.of(2050.0, 2070.0, 2060.0, 2080.0, 2055.0, 3300.0, 3900.0, 3500.0, 4100.0, 3400.0);
    List<Double> without =
        List.of(2000.0, 2010.0, 2005.0, 2020.0, 2000.0, 3500.0, 3700.0, 3450.0, 4000.0, 3600.0);

    assertThat(Results.medianOfDifferences(with, without)).isEqualTo(55.0);
    // Each side's median sits between the quiet runs and the slow ones, where a resampling that
    // draws one more slow pair moves it by hundreds of ms; the pairs' differences do not move so.
    double paired = Results.medianOfDifferencesSpread(with, without);
    double unpaired = Results.medianDifferenceSpread(with, without);
    assertThat(paired).isLessThan(50.0);
    assertThat(unpaired).isGreaterThan(2 * paired);
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(Results.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
    assertThat(Results.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
  }
}
