package dev.rekey.azure.storage.internal;

import dev.rekey.azure.RotationEvidence;
import dev.rekey.azure.internal.ArmOperations;
import dev.rekey.azure.internal.LostAnswerCheck;
import dev.rekey.azure.internal.LostAnswerProbe;
import dev.rekey.azure.storage.model.KeyName;
import dev.rekey.azure.storage.model.RegenerateKeyRequest;
import dev.rekey.azure.storage.model.StorageAccountKey;
import dev.rekey.azure.storage.model.StorageAccountKeys;
import dev.rekey.core.internal.http.ApiRequest;
import dev.rekey.core.internal.http.HttpPipeline;
import dev.rekey.core.internal.poll.ResultReader;
import dev.rekey.core.poll.Operation;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * An ARM {@code regenerateKey} with {@code confirmOutcome(true)}: settles a lost answer by
 * comparing the named key with the one {@code listKeys} read before the call — its value (as a
 * {@link dev.rekey.core.Secret}: constant time, never printed) or its {@code creationTime}.
 * Applied: the keys read are the result, every key of the account, as a regeneration returns them.
 */
public final class ArmKeysLostAnswers
    implements LostAnswerProbe<StorageAccountKeys, StorageAccountKeys> {
  private final HttpPipeline pipeline;
  private final ApiRequest regenerate;
  private final ApiRequest list;
  private final String account;
  private final KeyName keyName;

  private ArmKeysLostAnswers(
      HttpPipeline pipeline,
      ApiRequest regenerate,
      ApiRequest list,
      String account,
      KeyName keyName) {
    this.pipeline = pipeline;
    this.regenerate = regenerate;
    this.list = list;
    this.account = account;
    this.keyName = keyName;
  }

  /**
   * Reads the keys with {@code list}, sends {@code regenerate} (as {@code request} asks) and
   * returns its operation, a lost answer settled.
   */
  public static Operation<StorageAccountKeys> begin(
      HttpPipeline pipeline, ApiRequest regenerate, ApiRequest list, RegenerateKeyRequest request) {
    ArmKeysLostAnswers probe =
        new ArmKeysLostAnswers(
            pipeline, regenerate, list, request.accountName(), request.keyName());
    return LostAnswerCheck.begin(
        probe,
        () -> ArmOperations.begin(pipeline, regenerate, probe.reader()),
        regenerate.url().encodedPath());
  }

  /** Does what {@link #begin} does without blocking. */
  public static CompletableFuture<StorageAccountKeys> run(
      HttpPipeline pipeline, ApiRequest regenerate, ApiRequest list, RegenerateKeyRequest request) {
    return LostAnswerCheck.runAsync(
        new ArmKeysLostAnswers(
            pipeline, regenerate, list, request.accountName(), request.keyName()));
  }

  @Override
  public String what() {
    return "Storage regenerateKey " + keyName.wireName() + " of " + account;
  }

  @Override
  public CompletableFuture<StorageAccountKeys> read() {
    return ArmOperations.runAsync(pipeline, list, ArmKeysWire.listed());
  }

  @Override
  public CompletableFuture<StorageAccountKeys> send() {
    return ArmOperations.runAsync(pipeline, regenerate, reader());
  }

  @Override
  public boolean changed(StorageAccountKeys before, StorageAccountKeys after) {
    Optional<StorageAccountKey> was = before.key(keyName);
    Optional<StorageAccountKey> is = after.key(keyName);
    if (was.isEmpty() || is.isEmpty()) {
      return was.isPresent() != is.isPresent();
    }
    return !was.get().value().equals(is.get().value())
        || !Objects.equals(was.get().creationTime(), is.get().creationTime());
  }

  /** The keys a re-send returned still hold when the rotated key reads the same. */
  @Override
  public boolean stillHolds(StorageAccountKeys result, StorageAccountKeys after) {
    return !changed(result, after);
  }

  @Override
  public StorageAccountKeys applied(StorageAccountKeys after) {
    return StorageAccountKeys.builder()
        .from(after)
        .evidence(RotationEvidence.CONFIRMED_BY_READ)
        .build();
  }

  @Override
  public StorageAccountKeys resent(StorageAccountKeys result) {
    return StorageAccountKeys.builder()
        .from(result)
        .evidence(RotationEvidence.RESENT_AND_APPLIED)
        .build();
  }

  private ResultReader<StorageAccountKeys> reader() {
    return ArmKeysWire.regenerated(account, keyName);
  }
}
