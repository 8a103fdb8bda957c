package dev.rekey.examples;

/**
 * One line of the tour's table: which service, which call, whether it worked, how long it took and
 * what changed — never a secret value.
 */
record TourRow(String service, String call, String outcome, long millis, String changed) {

  /** Returns whether the step worked. */
  boolean ok() {
    return outcome.equals("OK");
  }
}
