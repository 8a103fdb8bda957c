package dev.rekey.core.internal.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.core.RekeyException;
import dev.rekey.core.internal.codec.Codecs;
import dev.rekey.core.internal.codec.MalformedBodyException;
import dev.rekey.core.internal.http.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class FinishedTest {
  private static ApiResponse ok(String body) {
    return new ApiResponse(
        200, Headers.of(), body.getBytes(StandardCharsets.UTF_8), "application/json", HttpUrl.get("http://localhost/rotate"));
  }

  private static String key(ApiResponse r) {
    return (String) Codecs.readJson(r.body(), Map.class).get("key");
  }

  @Test
  void readsTheImmediateResult() {
    assertThat(Finished.read("op1", ok("{\"key\":\"k\"}"), FinishedTest::key).poll()).contains("k");
  }

  @Test
  void aTruncatedSuccessSaysTheChangeWasMadeButNotReturned() {
    assertThatThrownBy(() -> Finished.read("op1", ok("{\"key\":\"new-sec"), FinishedTest::key))
        .isExactlyInstanceOf(RekeyException.class)
        .hasMessageContaining("op1 succeeded but its result could not be read (the body is malformed)")
        .hasMessageContaining("exists on the service but was not returned")
        .hasMessageNotContaining("new-sec")
        .hasCauseInstanceOf(MalformedBodyException.class);
  }

  @Test
  void anEmptySuccessSaysTheSame() {
    assertThatThrownBy(() -> Finished.read("op1", ok(""), FinishedTest::key))
        .isExactlyInstanceOf(RekeyException.class)
        .hasMessageContaining("succeeded but its result could not be read (the service sent an empty result)");
  }
}
