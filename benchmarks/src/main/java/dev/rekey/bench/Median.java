package dev.rekey.bench;

import java.util.Arrays;

/** The median of a few measurements, as every figure taken over rounds is reported. */
final class Median {
  private Median() {}

  /** Returns the middle value, or the mean of the two middle ones for an even count. */
  static double of(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /**
   * Returns the median of the round-by-round ratios {@code values[r] / baseline[r]}: each round's
   * value divided by the baseline measured beside it, so a slow moment weighs on both.
   */
  static double ofRatios(double[] values, double[] baseline) {
    double[] ratios = new double[values.length];
    for (int r = 0; r < values.length; r++) {
      ratios[r] = values[r] / baseline[r];
    }
    return of(ratios);
  }
}
