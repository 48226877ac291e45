package dev.switchboard.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsTest {

  @Test
  void aShiftThatMovesWithEachPairHasNoSpread() {
    List<Double> baseline = List.of(1800.0, 2400.0, 1900.0, 2100.0, 1750.0, 2600.0);
    List<Double> sdk = baseline.stream().map(v -> v + 90).toList();

    assertThat(Results.medianDifferenceSpread(sdk, baseline)).isCloseTo(0, within(1e-9));
  }

  @Test
  void noisyPairsSpreadTheDifferenceAndTheSameSamplesGiveTheSameAnswer() {
    List<Double> sdk = List.of(1900.0, 2500.0, 1850.0, 2300.0, 1950.0, 2050.0, 2700.0, 1880.0);
    List<Double> baseline = List.of(1850.0, 1900.0, 2400.0, 1800.0, 2000.0, 2600.0, 1820.0, 1790.0);

    double spread = Results.medianDifferenceSpread(sdk, baseline);

    assertThat(spread).isGreaterThan(50).isLessThan(600);
    assertThat(Results.medianDifferenceSpread(sdk, baseline)).isEqualTo(spread);
  }

  @Test
  void jvmsThatAgreeOnTheRatioGiveNoSpreadAndJvmsThatDisagreeSpreadIt() {
    // each JVM's host runs at its own speed: both sides move together, the ratio stays 1.1
    List<Double> tree = List.of(700_000.0, 900_000.0, 1_000_000.0);
    List<Double> steady = tree.stream().map(v -> v * 1.1).toList();
    List<Double> scattered = List.of(700_000.0 * 1.02, 900_000.0 * 1.1, 1_000_000.0 * 1.18);

    assertThat(Results.ratioOfMeansSpread(steady, tree)).isCloseTo(0, within(1e-12));
    double spread = Results.ratioOfMeansSpread(scattered, tree);
    assertThat(spread).isGreaterThan(0.02).isLessThan(0.08);
    assertThat(Results.ratioOfMeansSpread(scattered, tree)).isEqualTo(spread);
  }
}
