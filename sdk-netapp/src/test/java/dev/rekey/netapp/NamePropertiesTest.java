package dev.rekey.netapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.core.test.HostileNames;
import dev.rekey.netapp.model.BucketAddress;
import java.util.function.Consumer;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link BucketAddress}'s {@code build()} against the patterns and lengths copied from the
 * reference page (Buckets - Generate Credentials), one path parameter at a time.
 */
class NamePropertiesTest {
  private static final Predicate<String> ACCOUNT =
      HostileNames.reference("^[a-zA-Z0-9][a-zA-Z0-9\\-_]{0,127}$", 0, Integer.MAX_VALUE);
  private static final Predicate<String> POOL =
      HostileNames.reference("^[a-zA-Z0-9][a-zA-Z0-9\\-_]{0,63}$", 1, 64);
  private static final Predicate<String> VOLUME =
      HostileNames.reference("^[a-zA-Z][a-zA-Z0-9\\-_]{0,63}$", 1, 64);
  private static final Predicate<String> BUCKET =
      HostileNames.reference(
          "^([a-z]|(\\d(?!\\d{0,2}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3})))([a-z\\d]|(\\.(?!(\\.|-)))|(-(?!\\.))){1,61}[a-z\\d]$",
          3,
          63);

  private static boolean accepts(Consumer<BucketAddress.Builder> change) {
    return HostileNames.accepts(
        () -> {
          BucketAddress.Builder b =
              BucketAddress.builder()
                  .subscriptionId("00000000-0000-0000-0000-000000000001")
                  .resourceGroup("rg")
                  .account("acct")
                  .pool("pool1")
                  .volume("vol1")
                  .bucket("bucket1");
          change.accept(b);
          b.build();
        });
  }

  @Property(tries = 300)
  void accountNameAgreesWithTheReference(@ForAll("accounts") String name) {
    assertThat(accepts(b -> b.account(name)))
        .as("accountName %s", name)
        .isEqualTo(ACCOUNT.test(name));
  }

  @Property(tries = 300)
  void poolNameAgreesWithTheReference(@ForAll("pools") String name) {
    assertThat(accepts(b -> b.pool(name))).as("poolName %s", name).isEqualTo(POOL.test(name));
  }

  @Property(tries = 300)
  void volumeNameAgreesWithTheReference(@ForAll("pools") String name) {
    assertThat(accepts(b -> b.volume(name))).as("volumeName %s", name).isEqualTo(VOLUME.test(name));
  }

  @Property(tries = 500)
  void bucketNameAgreesWithTheReference(@ForAll("buckets") String name) {
    assertThat(accepts(b -> b.bucket(name))).as("bucketName %s", name).isEqualTo(BUCKET.test(name));
  }

  @Provide
  Arbitrary<String> accounts() {
    return HostileNames.around("aZ09-_", 128);
  }

  @Provide
  Arbitrary<String> pools() {
    return HostileNames.around("aZ09-_", 64);
  }

  @Provide
  Arbitrary<String> buckets() {
    Arbitrary<String> ipLike =
        Arbitraries.integers()
            .between(0, 999)
            .list()
            .ofSize(4)
            .map(l -> l.get(0) + "." + l.get(1) + "." + l.get(2) + "." + l.get(3));
    return Arbitraries.oneOf(
        HostileNames.around("abz09.-", 63),
        HostileNames.around("abcdefxyz0123456789", 63),
        ipLike,
        ipLike.map(ip -> ip + "x"),
        ipLike.map(ip -> "a" + ip));
  }
}
