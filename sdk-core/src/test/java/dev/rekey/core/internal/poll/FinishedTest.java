package dev.rekey.core.internal.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.core.RekeyException;
import dev.rekey.core.internal.codec.Codecs;
import dev.rekey.core.internal.codec.MalformedBodyException;
import dev.rekey.core.internal.http.ApiResponse;
import java.nio.charset.StandardCharsets;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class FinishedTest {
  /** A 200 answer to {@code /rotate} whose request id is {@code op1}. */
  private static ApiResponse ok(String body) {
    return answer(Headers.of("x-ms-request-id", "op1"), body);
  }

  private static ApiResponse answer(Headers headers, String body) {
    return new ApiResponse(
        200, headers, body.getBytes(StandardCharsets.UTF_8), "application/json", HttpUrl.get("http://localhost/rotate"));
  }

  private static String key(ApiResponse r) {
    return Codecs.jsonTree(r.body()).path("key").stringValue();
  }

  @Test
  void readsTheImmediateResultUnderTheServiceRequestId() {
    var operation = Finished.read(ok("{\"key\":\"k\"}"), FinishedTest::key);
    assertThat(operation.poll()).contains("k");
    assertThat(operation.id()).isEqualTo("op1");
  }

  @Test
  void namesTheOperationAfterThePathWithoutARequestId() {
    assertThat(Finished.read(answer(Headers.of(), "{\"key\":\"k\"}"), FinishedTest::key).id()).isEqualTo("/rotate");
  }

  @Test
  void aTruncatedSuccessSaysTheChangeWasMadeButNotReturned() {
    assertThatThrownBy(() -> Finished.read(ok("{\"key\":\"new-sec"), FinishedTest::key))
        .isExactlyInstanceOf(RekeyException.class)
        .hasMessageContaining("op1 succeeded but its result could not be read (the body is malformed)")
        .hasMessageContaining("exists on the service but was not returned")
        .hasMessageNotContaining("new-sec")
        .hasCauseInstanceOf(MalformedBodyException.class);
  }

  @Test
  void anEmptySuccessSaysTheSame() {
    assertThatThrownBy(() -> Finished.read(ok(""), FinishedTest::key))
        .isExactlyInstanceOf(RekeyException.class)
        .hasMessageContaining("succeeded but its result could not be read (the service sent an empty result)");
  }
}
