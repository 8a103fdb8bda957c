package dev.rekey.rotation;

import dev.rekey.rotation.History.Publication;
import dev.rekey.rotation.RotationResult.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Dual-slot, server-generated: START → REGENERATE standby → VERIFY → PUBLISH → (grace) → RETIRE the
 * old slot → COMPLETE. The sink's current slot is never regenerated: each step that regenerates
 * reads the sink first and refuses if its slot is the one in use. A sink that holds nothing
 * although the journal says a rotation published a slot has lost it (a file deleted, a secret
 * purged): applications still use that slot, so a new rotation takes it as in use, regenerates the
 * other one and publishes it, which restores the sink; when the journal cannot tell whether that
 * publish happened, either slot may be in use and the rotation stops before regenerating anything.
 */
final class DualSlotFlow {
  private DualSlotFlow() {}

  /**
   * Returns the slots {@code [inUse, standby]} a new rotation would use, spelled as the target
   * spells them. The slot in use is the sink's current slot, matched ignoring case as the services
   * do ({@code Key1} written by hand is {@code key1}); when the sink holds nothing, the slot the
   * journal's {@code published} rotation published (applications read it before the sink lost it);
   * when neither, the target's first slot.
   *
   * @throws IllegalStateException if the sink or the journal names a slot the target does not have,
   *     or the sink holds nothing and the journal cannot tell whether its last publish happened
   */
  static Slot[] slots(
      DualSlotTarget target, Optional<Published> current, Optional<Publication> published) {
    List<Slot> slots = target.slots();
    Slot inUse = slots.get(0);
    if (current.isPresent()) {
      inUse =
          own(target, current.get().slot())
              .orElseThrow(() -> new IllegalStateException(unknownSlot(target, current.get())));
    } else if (published.isPresent()) {
      inUse = lostInUse(target, published.get());
    }
    return new Slot[] {inUse, slots.get(0).equals(inUse) ? slots.get(1) : slots.get(0)};
  }

  private static String unknownSlot(DualSlotTarget target, Published current) {
    return "the sink calls slot "
        + current.slot()
        + " current (rotation "
        + current.rotationId()
        + "), which is none of the target's slots "
        + target.slots()
        + "; nothing was regenerated: correct the slot the sink names (e.g. the rekey-slot tag)";
  }

  /** Returns the slot in use by the journal's word when the sink lost what {@code p} published. */
  private static Slot lostInUse(DualSlotTarget target, Publication p) {
    String lost = "the sink holds no value, but rotation " + p.rotationId();
    String recover =
        "; nothing was regenerated: publish the value applications use into the sink under its"
            + " slot (Sink.publish), then rotate";
    if (!p.confirmed()) {
      throw new IllegalStateException(
          lost
              + " tried to publish slot "
              + p.slot()
              + " and the journal does not say whether it did, so either slot may be in use"
              + recover);
    }
    return own(target, p.slot())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    lost
                        + " published slot "
                        + p.slot()
                        + ", which is none of the target's slots "
                        + target.slots()
                        + recover));
  }

  /** Returns the target's slot named like {@code slot}, ignoring case. */
  private static Optional<Slot> own(DualSlotTarget target, Slot slot) {
    return target.slots().stream().filter(s -> sameSlot(s, slot)).findFirst();
  }

  private static boolean sameSlot(Slot a, Slot b) {
    return a.name().equalsIgnoreCase(b.name());
  }

  /**
   * Runs or continues rotation {@code h}; {@code published} is the journal's last publication,
   * which names the slot in use when the sink holds nothing.
   */
  static RotationResult run(
      Run run,
      DualSlotTarget target,
      History h,
      Duration retireAfter,
      Optional<Publication> published) {
    Slot inUse;
    Slot standby;
    if (h.done(Step.START)) {
      inUse = h.inUse().orElseThrow();
      standby = h.slot().orElseThrow();
    } else {
      Optional<Published> current = run.sink.current(target.id());
      Slot[] slots;
      try {
        slots = slots(target, current, published);
      } catch (IllegalStateException refused) {
        throw run.abort(Step.START, refused.getMessage(), null);
      }
      inUse = slots[0];
      standby = slots[1];
      run.mark(Step.START, standby, History.inUseDetail(inUse));
    }
    String id = run.context.rotationId();
    run.holds("the sink still calls slot " + inUse + " current and it was not touched");
    if (!h.done(Step.PUBLISH)) {
      Optional<Published> current = run.sink.current(target.id());
      if (current.isPresent() && current.get().rotationId().equals(id)) {
        run.already(Step.PUBLISH, standby, "the sink holds this rotation's value");
      } else {
        refuseInUse(run, current, standby, Step.REGENERATE);
        Credential fresh = h.done(Step.REGENERATE) ? target.read(standby).orElse(null) : null;
        if (fresh == null) {
          fresh = run.step(Step.REGENERATE, standby, () -> target.regenerate(standby));
        } else {
          run.already(Step.REGENERATE, standby, "re-read the regenerated value from the service");
        }
        Credential verified = fresh;
        run.verify(target, verified, "nothing was published; slot " + inUse + " is still current");
        run.step(Step.PUBLISH, standby, () -> run.sink.publish(run.context, verified));
      }
    }
    run.holds("the sink calls slot " + standby + " current (this rotation's value)");
    Instant publishedAt = h.doneAt(Step.PUBLISH).orElse(run.clock.instant());
    Instant retireAt = publishedAt.plus(retireAfter);
    if (run.clock.instant().isBefore(retireAt)) {
      return new RotationResult(
          Status.AWAITING_RETIRE,
          id,
          "slot " + inUse + " is retired by a run at or after " + retireAt);
    }
    if (!h.done(Step.RETIRE)) {
      Optional<Published> current = run.sink.current(target.id());
      if (current.isEmpty()) {
        throw run.abort(
            Step.RETIRE,
            "the sink holds no value: it lost this rotation's value in slot "
                + standby
                + " (deleted or replaced?), which applications read; slot "
                + inUse
                + " was not regenerated: the next rotate takes slot "
                + standby
                + " as in use, as the journal says, and publishes a new value into the sink",
            null);
      }
      if (!current.get().rotationId().equals(id)) {
        throw run.abort(
            Step.RETIRE,
            "the sink no longer holds this rotation's value in slot "
                + standby
                + "; slot "
                + inUse
                + " may be in use again and was not regenerated",
            null);
      }
      refuseInUse(run, current, inUse, Step.RETIRE);
      run.step(Step.RETIRE, inUse, () -> target.regenerate(inUse));
    }
    run.mark(Step.COMPLETE, standby, null);
    return new RotationResult(
        Status.COMPLETED, id, "slot " + standby + " is current; slot " + inUse + " was retired");
  }

  private static void refuseInUse(Run run, Optional<Published> current, Slot slot, Step step) {
    if (current.isPresent() && sameSlot(current.get().slot(), slot)) {
      throw run.abort(
          step,
          "slot "
              + slot
              + " is the one the sink calls current (rotation "
              + current.get().rotationId()
              + "); it is in use and was not regenerated",
          null);
    }
  }
}
