package dev.rekey.rotation;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The step list a dry run shows per target kind; reads the sink only. */
final class Plans {
  private Plans() {}

  /**
   * Returns the steps of {@code unfinished}, or of a new rotation when empty; a dual-slot rotation
   * uses the slots its START recorded, else those a new one would pick from the sink and the
   * journal's {@code records}.
   *
   * @throws IllegalStateException as {@link DualSlotFlow#slots} does, when a new rotation would
   *     stop
   */
  static List<String> steps(
      Target target,
      Sink sink,
      Duration retireAfter,
      Optional<History> unfinished,
      List<JournalRecord> records) {
    if (target instanceof DualSlotTarget d) {
      Optional<History> started =
          unfinished.filter(h -> h.inUse().isPresent() && h.slot().isPresent());
      Slot[] slots =
          started.isPresent()
              ? new Slot[] {started.get().inUse().orElseThrow(), started.get().slot().orElseThrow()}
              : DualSlotFlow.slots(d, sink.current(d.id()), History.lastPublication(records));
      String retire = retireAfter.isZero() ? "" : " (in a run after " + retireAfter + ")";
      return List.of(
          "REGENERATE " + slots[1],
          "VERIFY " + slots[1],
          "PUBLISH " + slots[1],
          "RETIRE " + slots[0] + retire);
    }
    if (target instanceof ClientChosenTarget c) {
      return List.of(
          "STAGE " + c.slot() + " (generated locally)",
          "CHANGE " + c.slot(),
          "VERIFY " + c.slot() + " (login)",
          "PROMOTE " + c.slot());
    }
    if (target instanceof ServerGeneratedTarget s) {
      return List.of(
          "GENERATE " + s.slot() + " (the old value dies now: no overlap)",
          "PUBLISH " + s.slot(),
          "VERIFY " + s.slot());
    }
    return List.of();
  }
}
