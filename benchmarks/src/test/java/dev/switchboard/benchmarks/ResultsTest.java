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
  void forksThatAgreeGiveARatioNoSpreadAndForksThatDisagreeSpreadIt() {
    List<Double> tree = List.of(900_000.0, 900_000.0, 900_000.0, 900_000.0);
    List<Double> steady = List.of(990_000.0, 990_000.0, 990_000.0, 990_000.0);
    List<Double> scattered = List.of(890_000.0, 1_020_000.0, 990_000.0, 1_060_000.0);

    assertThat(Results.ratioOfMeansSpread(steady, tree)).isCloseTo(0, within(1e-12));
    double spread = Results.ratioOfMeansSpread(scattered, tree);
    // the forks' standard deviation over the mean, divided by the square root of four: about 0.04
    assertThat(spread).isGreaterThan(0.02).isLessThan(0.06);
    assertThat(Results.ratioOfMeansSpread(scattered, tree)).isEqualTo(spread);
  }
}
