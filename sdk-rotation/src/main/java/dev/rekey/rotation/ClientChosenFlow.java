package dev.rekey.rotation;

import dev.rekey.rotation.RotationResult.Status;
import java.util.Optional;

/**
 * Single-slot, client-chosen: START → STAGE pending in the sink → CHANGE on the service → VERIFY by
 * login → PROMOTE → COMPLETE. The new value is in the sink before the service sees it, so no crash
 * can lose it; a resumed rotation tries the pending value, then the current one, before sending.
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
}
