package dev.rekey.core.test;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.HttpLogLevel;
import dev.rekey.core.internal.codec.Codecs;
import dev.rekey.core.internal.codec.JsonNode;
import dev.rekey.core.internal.http.ApiRequest;
import dev.rekey.core.internal.http.ApiResponse;
import dev.rekey.core.internal.http.HttpPipeline;
import dev.rekey.core.internal.poll.ResultReader;
import dev.rekey.core.poll.PollingPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import okhttp3.HttpUrl;

/** Pipelines on fake time, the wait lists tests expect, and a decoder that reads a password. */
public final class PollFixtures {
  private PollFixtures() {}

  public static HttpPipeline pipeline(FakeTime time) {
    return pipeline(time, PollingPolicy.defaults());
  }

  public static HttpPipeline pipeline(FakeTime time, PollingPolicy policy) {
    return HttpPipeline.builder(
            ClientOptions.builder()
                .timeSource(time)
                .pollingPolicy(policy)
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(5))
                .build())
        .build();
  }

  /** Returns a pipeline on fake time that logs every exchange at {@code BODY}. */
  public static HttpPipeline bodyLoggingPipeline(FakeTime time) {
    return HttpPipeline.builder(
            ClientOptions.builder()
                .timeSource(time)
                .logLevel(HttpLogLevel.BODY)
                .readTimeout(Duration.ofSeconds(5))
                .build())
        .build();
  }

  public static PollingPolicy timeoutAfter(Duration timeout) {
    return PollingPolicy.builder().timeout(timeout).build();
  }

  public static HttpUrl url(WireMockRuntimeInfo wm, String pathAndQuery) {
    return HttpUrl.get(wm.getHttpBaseUrl() + pathAndQuery);
  }

  /** Sends the call that starts an operation, as a service module would. */
  public static ApiResponse begin(HttpPipeline pipeline, WireMockRuntimeInfo wm, String path) {
    return pipeline.send(
        ApiRequest.post(url(wm, path), "{}".getBytes(StandardCharsets.UTF_8), "application/json")
            .build());
  }

  public static List<Duration> seconds(double... values) {
    return Arrays.stream(values).mapToObj(s -> Duration.ofMillis(Math.round(s * 1000))).toList();
  }

  /** What the rotations of these tests tell a caller whose new password was not returned. */
  public static final String RECOVERY = "password1 was regenerated; regenerate it again, knowingly";

  /** Reads a rotation's {@code password} with {@link #password}. */
  public static final ResultReader<String> PASSWORD =
      ResultReader.ofRotation(PollFixtures::password, () -> RECOVERY);

  /** Reads {@code password} from a JSON body; null when there is none, as a lax decoder would. */
  public static String password(ApiResponse response) {
    JsonNode password = Codecs.jsonTree(response.body()).path("password");
    return password.isString() ? password.stringValue() : null;
  }
}
