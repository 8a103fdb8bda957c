package dev.rekey.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.core.Secret;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file sink's format, permissions, atomic replacement and pending/current rules; the callback
 * sink's.
 */
class FileSinkTest {
  private static final RotationContext R1 = RotationContext.of("r1", "netapp:bucket");
  private static final RotationContext R2 = RotationContext.of("r2", "netapp:bucket");

  @TempDir Path dir;

  private static Credential pair(String access, String secret) {
    Map<String, Secret> parts = new LinkedHashMap<>();
    parts.put(Credential.ACCESS_KEY, Secret.of(access));
    parts.put(Credential.SECRET_KEY, Secret.of(secret));
    return Credential.of(Slot.of("keyPair"), parts)
        .withExpiry(Instant.parse("2027-01-01T00:00:00Z"));
  }

  @Test
  void writesTheDocumentedFormatOwnerOnlyAndLeavesNoTemporaryFile() throws Exception {
    FileSink sink = FileSink.of(dir.resolve("bucket.json"));

    sink.publish(R1, pair("AK1", "SK1"));

    assertThat(Files.readString(sink.file()))
        .isEqualTo(
            "{\"target\":\"netapp:bucket\",\"current\":{\"rotation\":\"r1\","
                + "\"slot\":\"keyPair\",\"expiry\":\"2027-01-01T00:00:00Z\",\"parts\":{\"accessKey\":\"AK1\",\"secretKey\":\"SK1\"}}}\n");
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sink.file())))
          .isEqualTo("rw-------");
    }
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(sink.file());
    }
    assertThat(sink.current("netapp:bucket")).contains(Published.of("r1", pair("AK1", "SK1")));
  }

  @Test
  void stageKeepsCurrentForReadersUntilPromote() {
    FileSink sink = FileSink.of(dir.resolve("pw.json"));
    sink.publish(R1, pair("AK1", "SK1"));

    sink.stage(R2, pair("AK2", "SK2"));
    assertThat(sink.current("netapp:bucket").orElseThrow().rotationId()).isEqualTo("r1");
    assertThat(sink.pending("netapp:bucket").orElseThrow().rotationId()).isEqualTo("r2");

    sink.promote(R2);
    sink.promote(R2);
    assertThat(sink.current("netapp:bucket")).contains(Published.of("r2", pair("AK2", "SK2")));
    assertThat(sink.pending("netapp:bucket")).isEmpty();
    assertThatThrownBy(() -> sink.promote(RotationContext.of("r3", "netapp:bucket")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("nothing staged");
  }

  @Test
  void refusesAFileHoldingAnotherTargetAndNeverQuotesItsContent() throws Exception {
    FileSink sink = FileSink.of(dir.resolve("x.json"));
    sink.publish(R1, pair("AK1", "SECRET-SK1"));

    assertThatThrownBy(() -> sink.current("storage:rg/other"))
        .hasMessageContaining("holds target netapp:bucket")
        .hasMessageNotContaining("SECRET");
    Files.writeString(
        sink.file(), "{\"target\":\"netapp:bucket\",\"current\":{\"parts\":{\"value\":\"SECRET-\"");
    assertThatThrownBy(() -> sink.current("netapp:bucket"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageNotContaining("SECRET")
        .hasNoCause();
  }

  @Test
  void aCallbackThatThrowsLeavesThePreviousCurrentValue() {
    AtomicInteger calls = new AtomicInteger();
    CallbackSink sink =
        CallbackSink.of(
            (ctx, cred) -> {
              if (calls.incrementAndGet() == 2) {
                throw new IllegalStateException("reload failed");
              }
            });
    sink.publish(R1, pair("AK1", "SK1"));

    assertThatThrownBy(() -> sink.publish(R2, pair("AK2", "SK2"))).hasMessage("reload failed");
    assertThat(sink.current("netapp:bucket").orElseThrow().rotationId()).isEqualTo("r1");
    assertThat(pair("AK1", "SK1").toString())
        .doesNotContain("AK1", "SK1")
        .contains("accessKey=****");
  }
}
