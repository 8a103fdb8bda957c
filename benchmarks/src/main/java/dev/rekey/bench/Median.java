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
}
