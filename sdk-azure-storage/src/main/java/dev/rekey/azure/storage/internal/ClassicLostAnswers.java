package dev.rekey.azure.storage.internal;

import dev.rekey.azure.RotationEvidence;
import dev.rekey.azure.internal.LostAnswerCheck;
import dev.rekey.azure.internal.LostAnswerProbe;
import dev.rekey.azure.storage.model.RegenerateKeysRequest;
import dev.rekey.azure.storage.model.StorageServiceKeys;
import dev.rekey.core.internal.http.ApiRequest;
import dev.rekey.core.internal.poll.ResultReader;
import dev.rekey.core.poll.Operation;
import java.util.concurrent.CompletableFuture;

/**
 * A classic {@code regenerateKeys} with {@code confirmOutcome(true)}: settles a lost answer by
 * comparing the key with the one {@code getKeys} read before the call. Classic keys carry no
 * creation time, so the values are compared, as {@link dev.rekey.core.Secret}s (constant time,
 * never printed).
 */
public final class ClassicLostAnswers
    implements LostAnswerProbe<StorageServiceKeys, StorageServiceKeys> {
  private final ClassicCalls calls;
  private final RegenerateKeysRequest request;

  private ClassicLostAnswers(ClassicCalls calls, RegenerateKeysRequest request) {
    this.calls = calls;
    this.request = request;
  }

  /** Reads the keys, sends the regeneration and returns its operation, a lost answer settled. */
  public static Operation<StorageServiceKeys> begin(
      ClassicCalls calls, RegenerateKeysRequest request) {
    ClassicLostAnswers probe = new ClassicLostAnswers(calls, request);
    return LostAnswerCheck.begin(
        probe,
        () -> calls.begin(regenerate(calls, request), request.serviceName(), reader(request)),
        request.serviceName());
  }

  /** Does what {@link #begin} does without blocking. */
  public static CompletableFuture<StorageServiceKeys> run(
      ClassicCalls calls, RegenerateKeysRequest request) {
    return LostAnswerCheck.runAsync(new ClassicLostAnswers(calls, request));
  }

  @Override
  public String what() {
    return "Storage (classic) regenerateKeys "
        + request.keyType().wireName()
        + " of "
        + request.serviceName();
  }

  @Override
  public CompletableFuture<StorageServiceKeys> read() {
    return calls.run(
        calls.getKeys(request.serviceName()), request.serviceName(), ClassicCalls.read());
  }

  @Override
  public CompletableFuture<StorageServiceKeys> send() {
    return calls.run(regenerate(calls, request), request.serviceName(), reader(request));
  }

  @Override
  public boolean changed(StorageServiceKeys before, StorageServiceKeys after) {
    return !before.key(request.keyType()).equals(after.key(request.keyType()));
  }

  /** The keys a re-send returned still hold when the rotated key reads the same. */
  @Override
  public boolean stillHolds(StorageServiceKeys result, StorageServiceKeys after) {
    return !changed(result, after);
  }

  @Override
  public StorageServiceKeys applied(StorageServiceKeys after) {
    return StorageServiceKeys.builder()
        .from(after)
        .evidence(RotationEvidence.CONFIRMED_BY_READ)
        .build();
  }

  @Override
  public StorageServiceKeys resent(StorageServiceKeys result) {
    return StorageServiceKeys.builder()
        .from(result)
        .evidence(RotationEvidence.RESENT_AND_APPLIED)
        .build();
  }

  private static ApiRequest regenerate(ClassicCalls calls, RegenerateKeysRequest r) {
    return calls.regenerate(r.serviceName(), r.keyType());
  }

  private static ResultReader<StorageServiceKeys> reader(RegenerateKeysRequest r) {
    return ClassicCalls.regenerated(r.serviceName(), r.keyType());
  }
}
