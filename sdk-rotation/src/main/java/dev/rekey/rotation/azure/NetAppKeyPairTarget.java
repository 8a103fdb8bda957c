package dev.rekey.rotation.azure;

import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.validate.Check;
import dev.rekey.netapp.NetAppClient;
import dev.rekey.netapp.model.BucketAddress;
import dev.rekey.netapp.model.BucketCredentials;
import dev.rekey.netapp.model.BucketCredentialsRequest;
import dev.rekey.rotation.Credential;
import dev.rekey.rotation.ServerGeneratedTarget;
import dev.rekey.rotation.Slot;
import dev.rekey.rotation.Verifier;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A NetApp Files bucket's key pair, a single-slot server-generated credential with NO overlap
 * window: generating kills the old pair at once, so readers fail until the new pair is published
 * (the next step). The credential has parts {@code accessKey} and {@code secretKey} and expires at
 * the pair's {@code keyPairExpiry}, which the policy sees. NetApp has no endpoint to prove a pair,
 * so the verifier is yours (e.g. an S3 request to the bucket).
 */
public final class NetAppKeyPairTarget implements ServerGeneratedTarget {
  /** The one slot, {@code keyPair}. */
  public static final Slot SLOT = Slot.of("keyPair");

  private final NetAppClient client;
  private final BucketAddress bucket;
  private final Duration lifetime;
  private final Verifier verifier;

  private NetAppKeyPairTarget(
      NetAppClient client, BucketAddress bucket, Duration lifetime, Verifier verifier) {
    this.client = client;
    this.bucket = bucket;
    this.lifetime = lifetime;
    this.verifier = verifier;
  }

  /**
   * Returns the target for {@code bucket}, each new pair living {@code lifetime} (whole days).
   *
   * @throws NullPointerException if an argument is null
   * @throws ValidationException if {@code lifetime} is not a whole number of days, at least 1 (the
   *     client's rule for the pair's expiry)
   */
  public static NetAppKeyPairTarget of(
      NetAppClient client, BucketAddress bucket, Duration lifetime, Verifier verifier) {
    Objects.requireNonNull(client, "client == null");
    Objects.requireNonNull(bucket, "bucket == null");
    Objects.requireNonNull(lifetime, "lifetime == null");
    Objects.requireNonNull(verifier, "verifier == null");
    try {
      // the client's own rule for the expiry, run now rather than at the first rotate
      BucketCredentialsRequest.builder().address(bucket).expiresIn(lifetime).build();
    } catch (ValidationException e) {
      throw new ValidationException("lifetime", Check.quote(lifetime.toString()), e.rule());
    }
    return new NetAppKeyPairTarget(client, bucket, lifetime, verifier);
  }

  @Override
  public String id() {
    return "netapp:" + bucket.toResourceId();
  }

  @Override
  public Verifier verifier() {
    return verifier;
  }

  @Override
  public Slot slot() {
    return SLOT;
  }

  @Override
  public Credential generate() {
    BucketCredentials pair =
        client.generateBucketCredentials(r -> r.address(bucket).expiresIn(lifetime));
    Map<String, dev.rekey.core.Secret> parts = new LinkedHashMap<>();
    parts.put(Credential.ACCESS_KEY, pair.accessKey());
    parts.put(Credential.SECRET_KEY, pair.secretKey());
    return Credential.of(SLOT, parts).withExpiry(pair.keyPairExpiry());
  }

  @Override
  public String toString() {
    return "NetAppKeyPairTarget{" + id() + "}";
  }
}
