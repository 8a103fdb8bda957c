package dev.rekey.core.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A unique marker value to put in secrets, and checks that it leaked nowhere: not in log lines, not
 * in any message, {@code toString} or suppressed exception along a throwable's cause chain.
 */
public final class Canary {
  private final String value;

  private Canary(String value) {
    this.value = value;
  }

  /**
   * Returns a fresh canary whose value contains {@code label} and a random part; every test is
   * swept for it from now on (see {@link CanarySweep}).
   */
  public static Canary named(String label) {
    Canary canary =
        new Canary("canary-" + label + "-" + UUID.randomUUID().toString().replace("-", ""));
    CanarySweep.register(canary.value);
    return canary;
  }

  /** Returns the value to plant. */
  public String value() {
    return value;
  }

  /** Asserts the canary is in none of {@code texts}; {@code where} names them in the failure. */
  public void assertAbsentFrom(String where, Iterable<String> texts) {
    for (String text : texts) {
      assertThat(text).as("%s leaked canary %s", where, value).doesNotContain(value);
    }
  }

  /** Asserts the canary is not in {@code text}. */
  public void assertAbsentFrom(String where, String text) {
    assertAbsentFrom(where, List.of(text));
  }

  /**
   * Asserts the canary is absent from the message, localized message and {@code toString} of {@code
   * error}, its causes and suppressed exceptions.
   */
  public void assertAbsentFromThrowable(Throwable error) {
    assertAbsentFrom("throwable chain of " + error.getClass().getName(), describeChain(error));
  }

  /** Returns the message and {@code toString} of every throwable reachable from {@code error}. */
  public static List<String> describeChain(Throwable error) {
    List<String> out = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> todo = new ArrayList<>(List.of(error));
    while (!todo.isEmpty()) {
      Throwable t = todo.remove(todo.size() - 1);
      if (!seen.add(t)) {
        continue;
      }
      out.add(String.valueOf(t.getMessage()));
      out.add(String.valueOf(t.getLocalizedMessage()));
      out.add(t.toString());
      if (t.getCause() != null) {
        todo.add(t.getCause());
      }
      Collections.addAll(todo, t.getSuppressed());
    }
    return out;
  }

  @Override
  public String toString() {
    return "Canary[" + value + "]";
  }
}
