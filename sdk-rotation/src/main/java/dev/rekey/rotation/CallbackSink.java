package dev.rekey.rotation;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Sink} that hands each new current value to a callback (to reload a connection pool, push
 * to a store of your own) and remembers current and pending values in memory. A callback that
 * throws leaves the previous current value in place. Because the memory is lost with the process,
 * pair it with a {@link MemoryJournal}, or with a file journal only when a restarted process may
 * start over from the service's state.
 *
 * <p>Readers ({@link #current}, {@link #pending}) never wait for a callback: while it runs they see
 * the previous value, and the new one once it returned. Publishes are serialised, so a callback may
 * wait for a thread that reads the sink, but not for one that publishes to it.
 */
public final class CallbackSink implements Sink {
  private final BiConsumer<RotationContext, Credential> onCurrent;

  /** Serialises the writers and their callbacks; readers never take it. */
  private final Object writeLock = new Object();

  /**
   * Each target's current and pending records, replaced together so readers see a matching pair.
   */
  private final ConcurrentMap<String, Held> held = new ConcurrentHashMap<>();

  private record Held(@Nullable Published current, @Nullable Published pending) {}

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
  public void publish(RotationContext context, Credential credential) {
    synchronized (writeLock) {
      onCurrent.accept(context, credential);
      Published pending = pending(context.targetId()).orElse(null);
      if (pending != null && pending.rotationId().equals(context.rotationId())) {
        pending = null;
      }
      held.put(
          context.targetId(), new Held(Published.of(context.rotationId(), credential), pending));
    }
  }

  @Override
  public void stage(RotationContext context, Credential credential) {
    synchronized (writeLock) {
      held.put(
          context.targetId(),
          new Held(
              current(context.targetId()).orElse(null),
              Published.of(context.rotationId(), credential)));
    }
  }

  @Override
  public void promote(RotationContext context) {
    synchronized (writeLock) {
      Published staged = pending(context.targetId()).orElse(null);
      if (staged == null || !staged.rotationId().equals(context.rotationId())) {
        Published now = current(context.targetId()).orElse(null);
        if (now != null && now.rotationId().equals(context.rotationId())) {
          return;
        }
        throw new IllegalStateException(
            "nothing staged for " + context.targetId() + " by rotation " + context.rotationId());
      }
      publish(context, staged.credential());
    }
  }

  @Override
  public Optional<Published> current(String targetId) {
    return Optional.ofNullable(held.get(targetId)).map(Held::current);
  }

  @Override
  public Optional<Published> pending(String targetId) {
    return Optional.ofNullable(held.get(targetId)).map(Held::pending);
  }

  @Override
  public String toString() {
    return "CallbackSink";
  }
}
