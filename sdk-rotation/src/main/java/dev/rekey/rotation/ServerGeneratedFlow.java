package dev.rekey.rotation;

import dev.rekey.rotation.RotationResult.Status;
import java.util.Optional;

/**
 * Single-slot, server-generated: START → GENERATE → PUBLISH at once → VERIFY → COMPLETE. There is
 * no overlap window: generating kills the old value, so readers fail until PUBLISH; a crash between
 * GENERATE and PUBLISH is repaired by generating again on resume. A value VERIFY rejects stays
 * published (the old one is dead), so the rotator makes the next {@code rotate} due whatever the
 * policy says.
 */
final class ServerGeneratedFlow {
  private ServerGeneratedFlow() {}

  static RotationResult run(Run run, ServerGeneratedTarget target, History h) {
    Slot slot = target.slot();
    String id = run.context.rotationId();
    if (!h.done(Step.START)) {
      run.mark(Step.START, slot, null);
    }
    Credential value;
    Optional<Published> current = run.sink.current(target.id());
    if (current.isPresent() && current.get().rotationId().equals(id)) {
      value = current.get().credential();
      if (!h.done(Step.PUBLISH)) {
        run.already(Step.PUBLISH, slot, "the sink holds this rotation's value");
      }
    } else {
      run.holds("the old value may already be dead (a generate may have been sent)");
      Credential generated = run.step(Step.GENERATE, slot, target::generate);
      run.step(Step.PUBLISH, slot, () -> run.sink.publish(run.context, generated));
      value = generated;
    }
    run.holds("the sink holds the new value");
    if (!h.done(Step.VERIFY)) {
      run.verify(
          target, value, "it is already published (no overlap window: the old value is dead)");
    }
    run.mark(Step.COMPLETE, slot, null);
    return new RotationResult(Status.COMPLETED, id, "the new value is current");
  }
}
