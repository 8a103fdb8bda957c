package dev.rekey.reliability;

import dev.rekey.core.OperationFailedException;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.PollingTimeoutException;
import dev.rekey.core.ServiceException;
import dev.rekey.core.TransportException;
import dev.rekey.core.ValidationException;
import dev.rekey.testkit.Faults;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.IntSupplier;
import java.util.random.RandomGenerator;

/**
 * One credential a soak thread owns (an ACR token, a NetApp bucket, a storage account, an ONTAP
 * user), with the ledger of what its rotations answered and what the emulator applied during each.
 */
final class SoakResource {
  /** Rotates once; {@code async} picks the async form, {@code random} any per-call options. */
  interface Rotation {
    void run(boolean async, RandomGenerator random);
  }

  final String name;
  final Faults faults;
  final Faults.Scoped rotationFaults;
  private final Rotation rotation;
  private final IntSupplier applied;
  private final List<String> violations = new ArrayList<>();
  private int successes;
  private int maybeApplied;
  private int notApplied;
  private int calls;

  SoakResource(
      String name,
      Faults faults,
      Faults.Scoped rotationFaults,
      Rotation rotation,
      IntSupplier applied) {
    this.name = name;
    this.faults = faults;
    this.rotationFaults = rotationFaults;
    this.rotation = rotation;
    this.applied = applied;
  }

  /**
   * Injects {@code fault}, rotates once and checks the answer against what the emulator applied.
   */
  void rotateUnder(SoakFault fault, RandomGenerator random) {
    fault.inject(faults, rotationFaults);
    int before = applied.getAsInt();
    Throwable error = null;
    try {
      rotation.run(random.nextBoolean(), random);
    } catch (CompletionException e) {
      error = e.getCause();
    } catch (RuntimeException e) {
      error = e;
    }
    int delta = applied.getAsInt() - before;
    calls++;
    String what =
        name + " under " + fault + ": " + (error == null ? "success" : error.getClass().getName());
    if (delta > 1) {
      violations.add(what + " applied " + delta + " rotations in one call");
    }
    if (error == null) {
      successes++;
      if (delta != 1) {
        violations.add(what + " but the emulator applied " + delta);
      }
    } else if (error.getClass().getName().contains(".internal.")) {
      violations.add(what + ": an internal exception type reached the caller");
    } else if (readsAsNotApplied(error)) {
      notApplied++;
      if (delta != 0) {
        violations.add(what + " reads as not applied, but the emulator applied " + delta);
      }
    } else if (mayHaveBeenApplied(error)) {
      maybeApplied++;
    } else {
      violations.add(what + ": not a Rekey outcome (" + error + ")");
    }
  }

  /** A definite "no": the service refused, the operation failed, or the call never reached it. */
  private static boolean readsAsNotApplied(Throwable error) {
    return error instanceof ServiceException
        || error instanceof OperationFailedException
        || error instanceof ValidationException
        || (error instanceof TransportException t && !t.mayHaveReachedServer());
  }

  /**
   * "May have been applied": unknown outcome, a deadline while running, or a result not readable.
   */
  private static boolean mayHaveBeenApplied(Throwable error) {
    return error instanceof OutcomeUnknownException
        || error instanceof PollingTimeoutException
        || error instanceof TransportException
        || error instanceof dev.rekey.core.RekeyException;
  }

  /**
   * Returns every broken promise seen, plus the ledger's: applied ≤ successes + "may have been
   * applied".
   */
  List<String> violations() {
    List<String> all = new ArrayList<>(violations);
    int total = applied.getAsInt();
    if (total > successes + maybeApplied) {
      all.add(
          name
              + ": "
              + total
              + " rotations applied, but only "
              + successes
              + " successes and "
              + maybeApplied
              + " 'may have been applied' outcomes");
    }
    return all;
  }

  int calls() {
    return calls;
  }

  int successes() {
    return successes;
  }

  @Override
  public String toString() {
    return name
        + "[calls="
        + calls
        + ", ok="
        + successes
        + ", maybe="
        + maybeApplied
        + ", no="
        + notApplied
        + ", applied="
        + applied.getAsInt()
        + "]";
  }
}
