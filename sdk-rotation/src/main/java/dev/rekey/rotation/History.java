package dev.rekey.rotation;

import dev.rekey.rotation.JournalRecord.Phase;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One rotation as its journal records tell it: which steps were intended and which were done. */
final class History {
  private static final String IN_USE = "inUse=";

  private final String rotationId;
  private final List<JournalRecord> records;

  private History(String rotationId, List<JournalRecord> records) {
    this.rotationId = rotationId;
    this.records = records;
  }

  /** Returns the empty history of a rotation that is about to start. */
  static History fresh(String rotationId) {
    return new History(rotationId, List.of());
  }

  /**
   * Returns the latest rotation in {@code records} if it has not ended (COMPLETE or ABORT done).
   */
  static Optional<History> unfinished(List<JournalRecord> records) {
    return latest(records).filter(h -> !h.done(Step.COMPLETE) && !h.done(Step.ABORT));
  }

  /**
   * Returns the id of the latest rotation in {@code records} if it aborted after publishing its
   * value (a server-generated value verified only once published, then rejected).
   */
  static Optional<String> abortedAfterPublish(List<JournalRecord> records) {
    return latest(records)
        .filter(h -> h.done(Step.ABORT) && h.done(Step.PUBLISH))
        .map(h -> h.rotationId);
  }

  /** Returns the latest rotation in {@code records}, if any. */
  private static Optional<History> latest(List<JournalRecord> records) {
    if (records.isEmpty()) {
      return Optional.empty();
    }
    String last = records.get(records.size() - 1).rotationId();
    return Optional.of(
        new History(last, records.stream().filter(r -> r.rotationId().equals(last)).toList()));
  }

  /**
   * Returns the latest rotation in {@code records} that published (or promoted) a value, and its
   * slot: {@link Publication#confirmed() confirmed} when that step is recorded done, not when only
   * its intent or failure is (the value may or may not have reached the sink). The journal holds no
   * value, so this says only which slot was published, never what it held.
   */
  static Optional<Publication> lastPublication(List<JournalRecord> records) {
    for (int i = records.size() - 1; i >= 0; i--) {
      JournalRecord r = records.get(i);
      if (publishes(r) && r.slot().isPresent()) {
        String id = r.rotationId();
        Optional<JournalRecord> done =
            records.stream()
                .filter(x -> x.rotationId().equals(id) && publishes(x) && x.phase() == Phase.DONE)
                .filter(x -> x.slot().isPresent())
                .reduce((first, second) -> second);
        return Optional.of(
            new Publication(id, done.orElse(r).slot().orElseThrow(), done.isPresent()));
      }
    }
    return Optional.empty();
  }

  private static boolean publishes(JournalRecord r) {
    return r.step() == Step.PUBLISH || r.step() == Step.PROMOTE;
  }

  /**
   * What the journal says a rotation made current: the rotation, the slot, and whether the step is
   * recorded done.
   */
  record Publication(String rotationId, Slot slot, boolean confirmed) {}

  /** Returns when the last completed rotation made its value current, if one did. */
  static Optional<Instant> lastCompletedAt(List<JournalRecord> records) {
    for (int i = records.size() - 1; i >= 0; i--) {
      JournalRecord r = records.get(i);
      if (r.step() == Step.COMPLETE && r.phase() == Phase.DONE) {
        return Optional.of(r.at());
      }
    }
    return Optional.empty();
  }

  /** Returns the detail a START record carries for a dual-slot target. */
  static String inUseDetail(Slot inUse) {
    return IN_USE + inUse.name();
  }

  String rotationId() {
    return rotationId;
  }

  boolean done(Step step) {
    return records.stream().anyMatch(r -> r.step() == step && r.phase() == Phase.DONE);
  }

  boolean intended(Step step) {
    return records.stream().anyMatch(r -> r.step() == step && r.phase() != Phase.DONE);
  }

  Optional<Instant> doneAt(Step step) {
    return records.stream()
        .filter(r -> r.step() == step && r.phase() == Phase.DONE)
        .map(JournalRecord::at)
        .findFirst();
  }

  /** Returns the slot the rotation works on, from its START record. */
  Optional<Slot> slot() {
    return start().flatMap(JournalRecord::slot);
  }

  /** Returns the slot in use when the rotation started (dual-slot targets). */
  Optional<Slot> inUse() {
    return start()
        .flatMap(JournalRecord::detail)
        .filter(d -> d.startsWith(IN_USE))
        .map(d -> Slot.of(d.substring(IN_USE.length())));
  }

  private Optional<JournalRecord> start() {
    return records.stream().filter(r -> r.step() == Step.START).findFirst();
  }
}
