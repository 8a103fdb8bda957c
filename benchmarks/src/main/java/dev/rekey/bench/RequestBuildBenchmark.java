package dev.rekey.bench;

import dev.rekey.azure.storage.model.KeyName;
import dev.rekey.azure.storage.model.RegenerateKeyRequest;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building (and so validating) the request each call benchmark builds per call, without any I/O:
 * the part of a call's CPU that names' rules cost. Not part of {@link BenchMain}'s table; run it
 * with the JMH command in {@code RESULTS.md} to compare two builds of the SDK.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RequestBuildBenchmark {
  /** ACR: resource group, registry and token names. */
  @Benchmark
  public Object acr() {
    return RekeyAcrCall.request();
  }

  /** ANF: subscription, resource group, account, pool, volume and bucket names. */
  @Benchmark
  public Object netapp() {
    return RekeyNetAppCall.request();
  }

  /** ARM storage: resource group and account names. */
  @Benchmark
  public Object armStorage() {
    return RegenerateKeyRequest.builder()
        .resourceGroup(Ids.RG)
        .accountName("benchstorage")
        .keyName(KeyName.KEY1)
        .build();
  }

  /** ONTAP: the account name and the new password's length. */
  @Benchmark
  public Object ontap() {
    return RekeyOntapCall.request();
  }
}
