package dev.rekey.core.internal.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.core.CredentialNotReturnedException;
import dev.rekey.core.TransportException;
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
        200,
        headers,
        body.getBytes(StandardCharsets.UTF_8),
        "application/json",
        HttpUrl.get("http://localhost/rotate"));
  }

  private static String key(ApiResponse r) {
    return Codecs.jsonTree(r.body()).path("key").stringValue();
  }

  private static final ResultReader<String> ROTATION =
      ResultReader.ofRotation(
          FinishedTest::key, () -> "key1 was regenerated; list the keys to read it");
  private static final ResultReader<String> READ = ResultReader.ofRead(FinishedTest::key);

  @Test
  void readsTheImmediateResultUnderTheServiceRequestId() {
    var operation = Finished.read(ok("{\"key\":\"k\"}"), ROTATION);
    assertThat(operation.poll()).contains("k");
    assertThat(operation.id()).isEqualTo("op1");
  }

  @Test
  void namesTheOperationAfterThePathWithoutARequestId() {
    assertThat(Finished.read(answer(Headers.of(), "{\"key\":\"k\"}"), ROTATION).id())
        .isEqualTo("/rotate");
  }

  @Test
  void aTruncatedSuccessSaysTheChangeWasMadeButNotReturned() {
    assertThatThrownBy(() -> Finished.read(ok("{\"key\":\"new-sec"), ROTATION))
        .isInstanceOfSatisfying(
            CredentialNotReturnedException.class,
            e -> {
              assertThat(e.operationId()).isEqualTo("op1");
              assertThat(e.recovery()).isEqualTo("key1 was regenerated; list the keys to read it");
            })
        .hasMessageContaining(
            "op1 succeeded but the new credential was not returned (the body is malformed)")
        .hasMessageContaining("key1 was regenerated; list the keys to read it")
        .hasMessageNotContaining("new-sec")
        .hasCauseInstanceOf(MalformedBodyException.class);
  }

  @Test
  void anEmptySuccessSaysTheSame() {
    assertThatThrownBy(() -> Finished.read(ok(""), ROTATION))
        .isExactlyInstanceOf(CredentialNotReturnedException.class)
        .hasMessageContaining(
            "succeeded but the new credential was not returned (the service sent an empty result)");
  }

  @Test
  void aReadWhoseAnswerIsUnreadableSaysNothingChanged() {
    assertThatThrownBy(() -> Finished.read(ok("{\"key\":\"new-sec"), READ))
        .isInstanceOfSatisfying(
            TransportException.class,
            e -> {
              assertThat(e.mayHaveReachedServer()).isTrue();
              assertThat(e.attempts()).isEqualTo(1);
            })
        .hasMessageContaining("the answer to op1 could not be read (the body is malformed")
        .hasMessageContaining("a read changes nothing on the service")
        .hasMessageNotContaining("succeeded")
        .hasMessageNotContaining("exists on the service")
        .hasMessageNotContaining("new-sec");
  }

  @Test
  void aDecoderFailureOfAnyTypeBecomesThePublicException() {
    ResultReader<String> strict =
        ResultReader.ofRotation(
            r -> {
              throw new IllegalStateException(
                  "Cannot build, some of required attributes are not set [username]");
            },
            () -> "password1 was regenerated");
    assertThatThrownBy(() -> Finished.read(ok("{}"), strict))
        .isExactlyInstanceOf(CredentialNotReturnedException.class)
        .hasMessageContaining("(the result could not be decoded (IllegalStateException))");
  }
}
