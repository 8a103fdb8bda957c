package dev.rekey.rotation;

import dev.rekey.rotation.RotationResult.Status;
import java.util.Optional;

/**
 * Single-slot, client-chosen: START → STAGE pending in the sink → CHANGE on the service → VERIFY by
 * login → PROMOTE → COMPLETE. The new value is in the sink before the service sees it, so no crash
 * can lose it; a resumed rotation tries the pending value, then the current one, before sending.
 * Another rotation's pending value is settled by login before a new one replaces it.
 */
final class ClientChosenFlow {
  private ClientChosenFlow() {}

  static RotationResult run(Run run, ClientChosenTarget target, History h) {
    Slot slot = target.slot();
    String id = run.context.rotationId();
    if (!h.done(Step.START)) {
      run.mark(Step.START, slot, null);
    }
    Optional<Published> current = run.sink.current(target.id());
    if (current.isPresent() && current.get().rotationId().equals(id)) {
      if (!h.done(Step.PROMOTE)) {
        run.already(Step.PROMOTE, slot, "the sink calls this rotation's value current");
      }
      run.mark(Step.COMPLETE, slot, null);
      return new RotationResult(Status.COMPLETED, id, "the new value is current");
    }
    Optional<Published> pending =
        run.sink.pending(target.id()).filter(p -> p.rotationId().equals(id));
    Credential value;
    if (pending.isPresent()) {
      value = pending.get().credential();
      if (!h.done(Step.STAGE)) {
        run.already(Step.STAGE, slot, "the sink holds this rotation's pending value");
      }
    } else if (h.intended(Step.CHANGE) || h.done(Step.CHANGE)) {
      throw run.abort(
          Step.CHANGE,
          "the pending value this rotation sent is missing from the sink; the service may hold a"
              + " value no one has: set a new one by hand",
          null);
    } else {
      current = settleOtherPending(run, target, current);
      Credential generated = target.generate();
      run.step(Step.STAGE, slot, () -> run.sink.stage(run.context, generated));
      value = generated;
    }
    run.holds(
        "the new value is staged in the sink as pending; the sink's current value is unchanged");
    if (!h.done(Step.CHANGE)) {
      if (h.intended(Step.CHANGE) && target.accepts(value)) {
        run.already(Step.CHANGE, slot, "the pending value logs in");
      } else {
        if (h.intended(Step.CHANGE)
            && current.isPresent()
            && !target.accepts(current.get().credential())) {
          throw run.abort(
              Step.CHANGE,
              "neither the pending nor the current value logs in; the pending one stays in the sink",
              null);
        }
        run.step(Step.CHANGE, slot, () -> target.change(value));
      }
    }
    run.holds(
        "the service has the new value, which the sink holds as pending; promote it by resume");
    if (!h.done(Step.VERIFY)) {
      run.verify(
          target,
          value,
          "the service already has the new value, which the sink keeps as"
              + " pending; the sink's current value no longer logs in");
    }
    run.step(Step.PROMOTE, slot, () -> run.sink.promote(run.context));
    run.mark(Step.COMPLETE, slot, null);
    return new RotationResult(Status.COMPLETED, id, "the new value is current");
  }

  /**
   * Before a new value replaces another rotation's pending one (which the service may hold after
   * that rotation aborted past its CHANGE), settles which value the account has: a pending value
   * that logs in is promoted to current; one that does not may be replaced only if the current
   * value logs in, else the rotation aborts and changes nothing. Returns the current record now.
   */
  private static Optional<Published> settleOtherPending(
      Run run, ClientChosenTarget target, Optional<Published> current) {
    Optional<Published> other =
        run.sink.pending(target.id()).filter(p -> !p.rotationId().equals(run.context.rotationId()));
    if (other.isEmpty()) {
      return current;
    }
    String otherId = other.get().rotationId();
    if (target.accepts(other.get().credential())) {
      RotationContext theirs = RotationContext.of(otherId, target.id());
      run.step(Step.PROMOTE, target.slot(), () -> run.sink.promote(theirs));
      run.holds("rotation " + otherId + "'s pending value logs in and is now current");
      return run.sink.current(target.id());
    }
    if (current.isEmpty() || !target.accepts(current.get().credential())) {
      throw run.abort(
          Step.STAGE,
          "rotation "
              + otherId
              + "'s pending value does not log in, nor does the current one; nothing was changed:"
              + " set the password by hand",
          null);
    }
    return current;
  }
}
