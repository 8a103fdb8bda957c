package dev.rekey.rotation;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * A {@link Sink} that hands each new current value to a callback (to reload a connection pool, push
 * to a store of your own) and remembers current and pending values in memory. A callback that
 * throws leaves the previous current value in place. Because the memory is lost with the process,
 * pair it with a {@link MemoryJournal}, or with a file journal only when a restarted process may
 * start over from the service's state.
 */
public final class CallbackSink implements Sink {
  private final BiConsumer<RotationContext, Credential> onCurrent;
  private final Map<String, Published> current = new HashMap<>();
  private final Map<String, Published> pending = new HashMap<>();

  private CallbackSink(BiConsumer<RotationContext, Credential> onCurrent) {
    this.onCurrent = onCurrent;
  }

  /**
   * Returns a sink calling {@code onCurrent} each time a value becomes current (publish or
   * promote).
   *
   * @throws NullPointerException if {@code onCurrent} is null
   */
  public static CallbackSink of(BiConsumer<RotationContext, Credential> onCurrent) {
    return new CallbackSink(Objects.requireNonNull(onCurrent, "onCurrent == null"));
  }

  @Override
  public synchronized void publish(RotationContext context, Credential credential) {
    onCurrent.accept(context, credential);
    current.put(context.targetId(), Published.of(context.rotationId(), credential));
    pending.computeIfPresent(
        context.targetId(), (k, p) -> p.rotationId().equals(context.rotationId()) ? null : p);
  }

  @Override
  public synchronized void stage(RotationContext context, Credential credential) {
    pending.put(context.targetId(), Published.of(context.rotationId(), credential));
  }

  @Override
  public synchronized void promote(RotationContext context) {
    Published staged = pending.get(context.targetId());
    if (staged == null || !staged.rotationId().equals(context.rotationId())) {
      Published now = current.get(context.targetId());
      if (now != null && now.rotationId().equals(context.rotationId())) {
        return;
      }
      throw new IllegalStateException(
          "nothing staged for " + context.targetId() + " by rotation " + context.rotationId());
    }
    publish(context, staged.credential());
  }

  @Override
  public synchronized Optional<Published> current(String targetId) {
    return Optional.ofNullable(current.get(targetId));
  }

  @Override
  public synchronized Optional<Published> pending(String targetId) {
    return Optional.ofNullable(pending.get(targetId));
  }

  @Override
  public String toString() {
    return "CallbackSink";
  }
}
