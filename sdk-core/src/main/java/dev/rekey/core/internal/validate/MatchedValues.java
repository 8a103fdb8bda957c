package dev.rekey.core.internal.validate;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Pattern;

/**
 * Remembers values that matched a pattern, so that a name checked call after call (one
 * subscription, a few resource groups and accounts) runs its regular expression once: a string that
 * matched once always does. A fixed table of {@value #SLOTS} entries, the last writer of a slot
 * wins: it never grows and never locks, and a miss costs only the match it would have cost anyway.
 * For names only: a value stays referenced here until another takes its slot, so a secret must
 * never reach it.
 */
final class MatchedValues {
  static final int SLOTS = 256;

  private static final AtomicReferenceArray<Entry> TABLE = new AtomicReferenceArray<>(SLOTS);

  private MatchedValues() {}

  /** Whether {@code value} is remembered as matching {@code pattern}. */
  static boolean contains(Pattern pattern, String value) {
    Entry e = TABLE.get(slot(pattern, value));
    return e != null && e.pattern == pattern && e.value.equals(value);
  }

  /** Remembers that {@code value} matched {@code pattern}. */
  static void add(Pattern pattern, String value) {
    TABLE.set(slot(pattern, value), new Entry(pattern, value));
  }

  private static int slot(Pattern pattern, String value) {
    int h = System.identityHashCode(pattern) * 31 + value.hashCode();
    return (h ^ (h >>> 16)) & (SLOTS - 1);
  }

  private record Entry(Pattern pattern, String value) {}
}
