package dev.rekey.core;

import dev.rekey.core.internal.RekeyStyle;
import dev.rekey.core.internal.validate.Check;
import dev.rekey.core.internal.validate.CredentialUrls;
import dev.rekey.core.poll.PollingPolicy;
import dev.rekey.core.retry.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import okhttp3.OkHttpClient;
import org.immutables.value.Value;

/**
 * Transport settings shared by every Rekey client. The defaults are safe: TLS verification on,
 * retries only where they cannot rotate a credential twice, nothing logged.
 *
 * <pre>{@code
 * ClientOptions options = ClientOptions.builder()
 *     .readTimeout(Duration.ofSeconds(30))
 *     .retryPolicy(RetryPolicy.builder().maxAttempts(3).build())
 *     .build();
 * }</pre>
 */
@Value.Immutable
@RekeyStyle
public abstract class ClientOptions {
  ClientOptions() {} // only the generated implementation extends it: none skips its checks

  /** Returns the defaults. */
  public static ClientOptions defaults() {
    return builder().build();
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the base URI that replaces the service's usual endpoint (an emulator, a private cloud):
   * https, or plain http to a loopback host only, since every call carries a credential.
   */
  public abstract Optional<URI> endpoint();

  /** Returns how long to wait for a TCP and TLS connection. */
  @Value.Default
  public Duration connectTimeout() {
    return Duration.ofSeconds(10);
  }

  /** Returns how long to wait for each read from the server. */
  @Value.Default
  public Duration readTimeout() {
    return Duration.ofSeconds(60);
  }

  /** Returns how long to wait for each write to the server. */
  @Value.Default
  public Duration writeTimeout() {
    return Duration.ofSeconds(60);
  }

  /** Returns the limit on one attempt from start to the last response byte; zero means none. */
  @Value.Default
  public Duration callTimeout() {
    return Duration.ofMinutes(2);
  }

  /** Returns when and how long to wait before sending a failed call again. */
  @Value.Default
  public RetryPolicy retryPolicy() {
    return RetryPolicy.defaults();
  }

  /** Returns how to wait for asynchronous operations. */
  @Value.Default
  public PollingPolicy pollingPolicy() {
    return PollingPolicy.defaults();
  }

  /** Returns the HTTP proxy to use, if any. */
  public abstract Optional<ProxyOptions> proxy();

  /** Returns how to check the server's certificate and which certificate to present. */
  @Value.Default
  public TlsOptions tls() {
    return TlsOptions.defaults();
  }

  /**
   * Returns text appended to the {@code User-Agent} header, e.g. your application's name: printable
   * ASCII, no white space at either end.
   */
  public abstract Optional<String> userAgentSuffix();

  /**
   * Returns how much of each exchange the {@code dev.rekey.http} logger writes. When not set it is
   * read from the system property {@value #LOG_LEVEL_PROPERTY}, else the environment variable
   * {@value #LOG_LEVEL_ENV} ({@code NONE}, {@code BASIC}, {@code HEADERS} or {@code BODY}, any
   * case), else {@link HttpLogLevel#NONE}; so logging can be turned up for a deployed application
   * without a code change. Credentials are redacted at every level. An unknown value makes {@code
   * build()} throw {@link ValidationException}.
   */
  @Value.Default
  public HttpLogLevel logLevel() {
    String fromProperty = System.getProperty(LOG_LEVEL_PROPERTY);
    String source = fromProperty != null ? LOG_LEVEL_PROPERTY : LOG_LEVEL_ENV;
    String configured = fromProperty != null ? fromProperty : System.getenv(LOG_LEVEL_ENV);
    if (configured == null || configured.isBlank()) {
      return HttpLogLevel.NONE;
    }
    for (HttpLogLevel level : HttpLogLevel.values()) {
      if (level.name().equalsIgnoreCase(configured.strip())) {
        return level;
      }
    }
    throw new ValidationException(
        source, Check.quote(configured), "must be one of NONE, BASIC, HEADERS, BODY");
  }

  /** The system property that sets {@link #logLevel()} when the builder does not. */
  public static final String LOG_LEVEL_PROPERTY = "rekey.http.log.level";

  /**
   * The environment variable that sets {@link #logLevel()} when neither builder nor property does.
   */
  public static final String LOG_LEVEL_ENV = "REKEY_HTTP_LOG_LEVEL";

  /** Returns the clock and sleeper for backoff and polling; tests pass a fake one. */
  @Value.Default
  public TimeSource timeSource() {
    return TimeSource.system();
  }

  /**
   * Returns an OkHttp client whose connection pool and dispatcher to share. Rekey derives its own
   * client from it with {@code newBuilder()}, so your client's settings stay as they are, and your
   * client's {@code EventListener} (metrics, tracing) hears every call Rekey makes.
   */
  public abstract Optional<OkHttpClient> okHttpClient();

  /**
   * The most calls in flight to one host when the options do not say and the client has no own
   * default.
   */
  public static final int DEFAULT_MAX_REQUESTS_PER_HOST = 32;

  /**
   * Returns the most calls in flight to one host, synchronous and asynchronous together, when set;
   * more wait, unsent, for a free slot (an asynchronous one in OkHttp's queue, holding no thread).
   * Empty means "not set": the client's own default applies ({@value
   * #DEFAULT_MAX_REQUESTS_PER_HOST}; ONTAP's 8), so a value set explicitly is kept even when it
   * equals a default.
   */
  public abstract OptionalInt maxRequestsPerHost();

  /**
   * Returns the largest response body read, in bytes. A larger body is not read and the call is not
   * retried: a read (safe to repeat) fails with {@link TransportException}; a rotation whose
   * answer, or the status answer of the operation it started, is larger fails with {@link
   * OutcomeUnknownException}, since the rotation may have been applied.
   */
  @Value.Default
  public long maxResponseBytes() {
    return 4L * 1024 * 1024;
  }

  @Value.Check
  void check() {
    maxRequestsPerHost().ifPresent(max -> Check.atLeast("maxRequestsPerHost", max, 1));
    // read into one array, so at most the largest one the JVM makes
    Check.between("maxResponseBytes", maxResponseBytes(), 1024, Integer.MAX_VALUE - 8);
    Check.positive("connectTimeout", connectTimeout());
    Check.positive("readTimeout", readTimeout());
    Check.positive("writeTimeout", writeTimeout());
    Check.notNegative("callTimeout", callTimeout());
    userAgentSuffix().ifPresent(s -> Check.headerText("userAgentSuffix", s, "User-Agent"));
    endpoint().ifPresent(uri -> CredentialUrls.checked("endpoint", uri));
  }

  /**
   * Builds {@link ClientOptions}; {@code build()} throws {@link ValidationException} on bad values.
   */
  public static final class Builder extends ImmutableClientOptions.Builder {}
}
