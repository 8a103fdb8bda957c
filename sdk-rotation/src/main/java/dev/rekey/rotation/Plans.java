package dev.rekey.rotation;

import java.time.Duration;
import java.util.List;

/** The step list a dry run shows per target kind; reads the sink only. */
final class Plans {
  private Plans() {}

  static List<String> steps(Target target, Sink sink, Duration retireAfter) {
    if (target instanceof DualSlotTarget d) {
      Slot[] slots = DualSlotFlow.slots(d, sink.current(d.id()));
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
