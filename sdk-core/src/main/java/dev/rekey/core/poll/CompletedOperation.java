package dev.rekey.core.poll;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** An operation the service finished before answering: every look returns the value at once. */
final class CompletedOperation<T> implements Operation<T> {
  private final String id;
  private final T value;
  // One future for every toFuture() call, as Operation promises.
  private final CompletableFuture<T> future;

  CompletedOperation(String id, T value) {
    this.id = id;
    this.value = value;
    this.future = CompletableFuture.completedFuture(value);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String lastStatus() {
    return "Succeeded";
  }

  @Override
  public Optional<T> poll() {
    return Optional.of(value);
  }

  @Override
  public T waitForCompletion() {
    return value;
  }

  @Override
  public T waitForCompletion(Duration timeout) {
    return value;
  }

  @Override
  public CompletableFuture<T> toFuture() {
    return future;
  }

  @Override
  public boolean cancel() {
    return false;
  }

  @Override
  public String toString() {
    return "Operation[" + id + ", Succeeded]";
  }
}
