package dev.rekey.testkit;

import dev.rekey.core.Secret;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A volume bucket as the {@link NetAppEmulator} holds it: its current key pair and expiry. */
public final class NetAppBucket {
  private Secret accessKey;
  private Secret secretKey;
  private @Nullable Instant keyPairExpiry;
  private int generations;

  synchronized void rotate(Secret accessKey, Secret secretKey, @Nullable Instant keyPairExpiry) {
    this.accessKey = accessKey;
    this.secretKey = secretKey;
    this.keyPairExpiry = keyPairExpiry;
    generations++;
  }

  /** Returns the current access key, if one was generated. */
  public synchronized Optional<Secret> accessKey() {
    return Optional.ofNullable(accessKey);
  }

  /** Returns the current secret key, if one was generated. */
  public synchronized Optional<Secret> secretKey() {
    return Optional.ofNullable(secretKey);
  }

  /** Returns when the current key pair expires, if one was generated. */
  public synchronized Optional<Instant> keyPairExpiry() {
    return Optional.ofNullable(keyPairExpiry);
  }

  /** Returns how many key pairs were generated. */
  public synchronized int generations() {
    return generations;
  }
}
