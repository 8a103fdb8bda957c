package dev.rekey.core.internal.http;

import dev.rekey.core.ClientOptions;
import dev.rekey.core.RekeyException;
import dev.rekey.core.ServiceError;
import dev.rekey.core.ServiceException;
import dev.rekey.core.TimeSource;
import dev.rekey.core.ValidationException;
import dev.rekey.core.auth.Authentication;
import dev.rekey.core.internal.Futures;
import dev.rekey.core.internal.validate.Check;
import dev.rekey.core.internal.validate.CredentialUrls;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * The one way a Rekey client talks HTTP: user agent, client request id and auth on OkHttp
 * interceptors, the redacting logger on the wire, and retry around it all. {@link #send} and {@link
 * #sendAsync} share every decision; the async form never holds a thread while it waits to retry.
 *
 * <p>A call ends with a response of status below 400, or with one exception: {@link
 * ServiceException} (the service refused), {@link dev.rekey.core.OutcomeUnknownException} (a
 * rotation may have been applied) or {@link dev.rekey.core.TransportException} (the network failed
 * every allowed attempt).
 */
public final class HttpPipeline implements AutoCloseable {
  private final OkHttpClient base;
  private final Builder settings;
  private final OkHttpClient client;
  private final boolean ownsClient;
  private final ClientOptions options;
  private final RetryDecision retry;
  private final boolean azureRequestIds;
  private final String userAgent;
  private final @Nullable AuthInterceptor auth;

  /** Set by this pipeline's {@link #close()}. */
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Set by the {@link #close()} of the pipeline this one was derived from ({@link
   * #withAuthentication}), or this one's own flag: closing the first closes every derived one.
   */
  private final AtomicBoolean rootClosed;

  private HttpPipeline(Builder b) {
    this(b, OkHttpFactory.create(b.options), b.options.okHttpClient().isEmpty(), null);
  }

  private HttpPipeline(
      Builder b, OkHttpClient base, boolean ownsClient, @Nullable AtomicBoolean rootClosed) {
    this.rootClosed = rootClosed != null ? rootClosed : closed;
    this.options = b.options;
    this.base = base;
    this.settings = b.copy();
    // OkHttp never follows a redirect itself: it would turn a POST into a GET on 301-303 and follow
    // to
    // any origin. RedirectInterceptor follows what is safe, outside auth so each hop is
    // authenticated.
    OkHttpClient.Builder withInterceptors = base.newBuilder().followRedirects(false);
    if (b.followRedirects) {
      withInterceptors.addInterceptor(new RedirectInterceptor());
    }
    this.auth = AuthInterceptor.of(b.authentication, options.timeSource());
    if (auth != null) {
      withInterceptors.addInterceptor(auth);
    }
    withInterceptors.addNetworkInterceptor(new ServerRetryGuard());
    withInterceptors.addNetworkInterceptor(new HttpLogInterceptor(options.logLevel()));
    this.client = withInterceptors.build();
    this.ownsClient = ownsClient;
    this.azureRequestIds = b.azureRequestIds;
    this.userAgent = UserAgent.of(b.module, options);
    this.retry = new RetryDecision(options.retryPolicy(), b.errors, b.exceptions, b.random);
  }

  /** Returns a builder for a pipeline with {@code options}. */
  public static Builder builder(ClientOptions options) {
    return new Builder(options);
  }

  /**
   * Returns a pipeline with this one's settings that authenticates with {@code authentication}
   * instead. It shares this pipeline's connection pool, threads and TLS set-up, so it is cheap to
   * make per call; closing it releases nothing (close this one).
   */
  public HttpPipeline withAuthentication(Authentication authentication) {
    Builder b = settings.copy();
    b.authentication = Objects.requireNonNull(authentication, "authentication == null");
    return new HttpPipeline(b, base, false, rootClosed);
  }

  /** Returns the options this pipeline was built with. */
  public ClientOptions options() {
    return options;
  }

  /** Returns the clock and sleeper for backoff and polling. */
  public TimeSource time() {
    return options.timeSource();
  }

  /**
   * Sends {@code request}, retrying as the policy and the request's repeatability allow.
   *
   * @throws ServiceException when the service answers 400 or above and no retry is allowed
   * @throws dev.rekey.core.OutcomeUnknownException when a rotation may have been applied
   * @throws dev.rekey.core.TransportException when the network failed every allowed attempt
   * @throws dev.rekey.core.ValidationException when the request would carry a credential where
   *     {@link CredentialUrls} does not let one go; nothing is sent
   */
  public ApiResponse send(ApiRequest request) {
    return send(request, null);
  }

  /**
   * Sends {@code request} like {@link #send(ApiRequest)}, but nothing of it runs past {@code end}:
   * an attempt still running then is cancelled, and no retry starts whose wait ends after it.
   *
   * @throws DeadlineReachedException when {@code end} came before an answer
   */
  public ApiResponse send(ApiRequest request, @Nullable Instant end) {
    refuseWhenClosed();
    refuseCredentialsWhereTheyMayNotGo(request);
    String clientRequestId = clientRequestId();
    boolean anyStarted = false;
    for (int attempt = 1; ; attempt++) {
      AttemptOutcome outcome = execute(request, attempt, clientRequestId, limitNanos(end));
      anyStarted |= started(outcome);
      RetryDecision.Step step = retry.decide(request, outcome, attempt, anyStarted, time().now());
      if (step instanceof RetryDecision.Step.Done done) {
        return done.response();
      }
      RuntimeException reached = pastEnd(end, outcome, step);
      if (reached != null) {
        throw reached;
      }
      if (step instanceof RetryDecision.Step.Fail fail) {
        throw fail.error();
      }
      sleep(((RetryDecision.Step.Retry) step).delay());
    }
  }

  /**
   * Sends {@code request} like {@link #send}, completing the future with its result or exception.
   */
  public CompletableFuture<ApiResponse> sendAsync(ApiRequest request) {
    return sendAsync(request, null);
  }

  /**
   * Sends {@code request} like {@link #send(ApiRequest, Instant)}, completing the future with its
   * result or exception.
   */
  public CompletableFuture<ApiResponse> sendAsync(ApiRequest request, @Nullable Instant end) {
    CompletableFuture<ApiResponse> result = new CompletableFuture<>();
    try {
      refuseWhenClosed();
      refuseCredentialsWhereTheyMayNotGo(request);
    } catch (RekeyException e) {
      result.completeExceptionally(e);
      return result;
    }
    attemptAsync(request, end, 1, false, clientRequestId(), result);
    return result;
  }

  /** Returns the most the next attempt may take before {@code end}; 0 (no limit) without one. */
  private long limitNanos(@Nullable Instant end) {
    if (end == null) {
      return 0;
    }
    Duration left = Duration.between(time().now(), end);
    return left.getSeconds() >= Long.MAX_VALUE / 1_000_000_000L
        ? 0 // centuries away: no limit (and no overflow)
        : Math.max(1, left.toNanos());
  }

  /**
   * Returns the failure that ends a call at {@code end} instead of {@code step}, or null to go on:
   * a retry whose wait would end after it, or a failed attempt at or after it (cut by its limit).
   */
  private @Nullable RuntimeException pastEnd(
      @Nullable Instant end, AttemptOutcome outcome, RetryDecision.Step step) {
    if (end == null) {
      return null;
    }
    Instant now = time().now();
    @Nullable Throwable lastFailure = outcome instanceof AttemptOutcome.Failed f ? f.error() : null;
    if (step instanceof RetryDecision.Step.Retry r) {
      return now.plus(r.delay()).isBefore(end) ? null : new DeadlineReachedException(lastFailure);
    }
    return lastFailure != null && !now.isBefore(end)
        ? new DeadlineReachedException(((RetryDecision.Step.Fail) step).error())
        : null;
  }

  private void attemptAsync(
      ApiRequest request,
      @Nullable Instant end,
      int attempt,
      boolean startedBefore,
      @Nullable String clientRequestId,
      CompletableFuture<ApiResponse> result) {
    if (result.isDone()) {
      return; // cancelled by the caller
    }
    if (isClosed()) {
      result.completeExceptionally(closedError()); // a retry after close: not sent again
      return;
    }
    CallTag tag = new CallTag(request.carriesSecrets(), attempt, limitNanos(end));
    try {
      Call call = client.newCall(toOkHttp(request, clientRequestId));
      tag.ridesOn(call);
      result.whenComplete((r, e) -> call.cancel());
      call.enqueue(
          new Callback() {
            @Override
            public void onResponse(Call c, Response response) {
              AttemptOutcome outcome;
              try {
                outcome = answered(response, attempt, tag);
              } finally {
                tag.release();
              }
              next(outcome);
            }

            @Override
            public void onFailure(Call c, IOException e) {
              tag.release();
              next(AttemptOutcome.failed(timeoutOr(e, tag), tag));
            }

            private void next(AttemptOutcome outcome) {
              try {
                decideAsync(request, end, outcome, attempt, startedBefore, clientRequestId, result);
              } catch (Throwable e) { // on OkHttp's thread, nobody else would complete the future
                result.completeExceptionally(e);
              }
            }
          });
    } catch (Throwable e) { // e.g. the application's own EventListener failing: nothing was sent
      tag.release();
      result.completeExceptionally(e);
    }
  }

  /** Completes {@code result} with what an attempt's {@code outcome} decides, or retries later. */
  private void decideAsync(
      ApiRequest request,
      @Nullable Instant end,
      AttemptOutcome outcome,
      int attempt,
      boolean startedBefore,
      @Nullable String clientRequestId,
      CompletableFuture<ApiResponse> result) {
    boolean anyStarted = startedBefore || started(outcome);
    RetryDecision.Step step = retry.decide(request, outcome, attempt, anyStarted, time().now());
    if (step instanceof RetryDecision.Step.Done done) {
      result.complete(done.response());
      return;
    }
    RuntimeException reached = pastEnd(end, outcome, step);
    if (reached != null) {
      result.completeExceptionally(reached);
    } else if (step instanceof RetryDecision.Step.Fail fail) {
      result.completeExceptionally(fail.error());
    } else {
      Futures.afterWait(
          time().delay(((RetryDecision.Step.Retry) step).delay()),
          result,
          "retry",
          () -> attemptAsync(request, end, attempt + 1, anyStarted, clientRequestId, result));
    }
  }

  /**
   * Reads an answer into its attempt's outcome. Failing to read it comes after the request was
   * processed, whatever failed (an I/O error, or a body that throws): never "not sent".
   */
  private AttemptOutcome answered(Response response, int attempt, CallTag tag) {
    try (response) {
      return new AttemptOutcome.Answered(read(response, attempt));
    } catch (IOException e) {
      return AttemptOutcome.afterRequest(timeoutOr(e, tag));
    } catch (RuntimeException e) {
      return AttemptOutcome.afterRequest(new IOException("the answer could not be read", e));
    }
  }

  private void refuseWhenClosed() {
    if (isClosed()) {
      throw closedError();
    }
  }

  private boolean isClosed() {
    return closed.get() || rootClosed.get();
  }

  private static RekeyException closedError() {
    return new RekeyException("the client is closed; nothing was sent (build a new client)");
  }

  /**
   * The last guard of {@link CredentialUrls}'s rule, for a URL no builder checked (a request's own
   * {@code Authorization} header counts as a credential too). Plain http through a proxy is refused
   * as well: the proxy would read the credential.
   */
  private void refuseCredentialsWhereTheyMayNotGo(ApiRequest request) {
    HttpUrl url = request.url();
    if (!url.isHttps() && (auth != null || request.headers().get("Authorization") != null)) {
      if (!CredentialUrls.mayCarryCredentials(url)) {
        throw new ValidationException("url", Check.quote(Redaction.url(url)), CredentialUrls.RULE);
      }
      if (options.proxy().isPresent()) {
        throw new ValidationException(
            "url",
            Check.quote(Redaction.url(url)),
            "must be https to carry a credential through a proxy (the proxy would read it)");
      }
    }
  }

  /**
   * Returns a fresh {@code x-ms-client-request-id} (a random version-4 UUID), or null when the
   * module sends none. It only correlates logs, so it comes from {@link ThreadLocalRandom} as
   * azure-core's do: {@link UUID#randomUUID()} draws on the shared {@code SecureRandom}, which
   * costs a lock and allocations per call.
   */
  private @Nullable String clientRequestId() {
    if (!azureRequestIds) {
      return null;
    }
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (random.nextLong() & ~(0x3L << 62)) | (0x2L << 62);
    return new UUID(msb, lsb).toString();
  }

  private AttemptOutcome execute(
      ApiRequest request, int attempt, @Nullable String clientRequestId, long limitNanos) {
    CallTag tag = new CallTag(request.carriesSecrets(), attempt, limitNanos);
    Call call = client.newCall(toOkHttp(request, clientRequestId));
    tag.ridesOn(call);
    try {
      Response response;
      try {
        response = call.execute();
      } catch (IOException e) {
        return AttemptOutcome.failed(timeoutOr(e, tag), tag);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) { // OkHttp (Kotlin) throws InterruptedException undeclared, connecting
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt(); // kept: the retry decision then waits no more
        }
        InterruptedIOException interrupted = new InterruptedIOException("interrupted");
        interrupted.initCause(e);
        return AttemptOutcome.failed(interrupted, tag);
      }
      return answered(response, attempt, tag);
    } finally {
      tag.release(); // after the response is closed (HostConcurrencyLimit)
    }
  }

  /** Says "timed out" of an attempt cancelled at its deadline, where OkHttp says "Canceled". */
  private IOException timeoutOr(IOException error, CallTag tag) {
    if (!tag.timedOut() || error instanceof TokenUnavailableException) {
      return error; // a token source's failure stays that, even when it came late
    }
    InterruptedIOException timeout =
        new InterruptedIOException(
            "the attempt did not end within the call timeout of " + options.callTimeout());
    timeout.initCause(error);
    return timeout;
  }

  private Request toOkHttp(ApiRequest request, @Nullable String clientRequestId) {
    byte[] body = request.bodyUnsafe();
    RequestBody requestBody =
        body == null ? null : RequestBody.create(body, MediaTypes.of(request.contentType()));
    // The user agent is set here rather than by an interceptor, which would copy the request again.
    Request.Builder b =
        new Request.Builder()
            .url(request.url())
            .headers(request.headers())
            .header("User-Agent", userAgent)
            .method(request.method(), requestBody);
    if (clientRequestId != null) {
      b.header("x-ms-client-request-id", clientRequestId)
          .header("x-ms-return-client-request-id", "true");
    }
    String authorization = auth == null ? null : auth.presigned();
    if (authorization != null) {
      b.header(
          "Authorization", authorization); // checked by AuthInterceptor, which then need not copy
    }
    return b.build();
  }

  private ApiResponse read(Response response, int attempt) throws IOException {
    ResponseBody body = response.body();
    long cap = options.maxResponseBytes();
    BufferedSource source = body.source();
    if (source.request(cap + 1)) {
      throw new ResponseTooLargeException(cap);
    }
    Buffer buffer = source.getBuffer();
    return new ApiResponse(
        response.code(),
        response.headers(),
        buffer.readByteArray(),
        response.header("Content-Type"),
        response.request().url(),
        attempt);
  }

  private static boolean started(AttemptOutcome outcome) {
    return !(outcome instanceof AttemptOutcome.Failed f) || f.requestStarted();
  }

  private void sleep(Duration wait) {
    try {
      time().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RekeyException("interrupted while waiting to retry", e);
    }
  }

  /**
   * Releases the connection pool and dispatcher threads this pipeline created, and refuses every
   * later call of this pipeline (and, for a pipeline not itself derived, of those {@link
   * #withAuthentication} derived from it) before sending anything; calls already under way end as
   * they would have. A pipeline built on an application's own OkHttp client leaves that client's
   * resources alone.
   */
  @Override
  public void close() {
    closed.set(true);
    if (ownsClient) {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  /** Builds an {@link HttpPipeline}. */
  public static final class Builder {
    private final ClientOptions options;
    private String module = "sdk-core";
    private Authentication authentication = Authentication.none();
    private ErrorDecoder errors = r -> ServiceError.ofStatus(r.statusCode(), r.requestId());
    private Function<ServiceError, ? extends ServiceException> exceptions = ServiceException::new;
    private boolean azureRequestIds;
    private boolean followRedirects = true;
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

    private Builder(ClientOptions options) {
      this.options = Objects.requireNonNull(options, "options == null");
    }

    /** Names the module in the user agent, e.g. {@code sdk-acr}. */
    public Builder module(String module) {
      this.module = module;
      return this;
    }

    /** Sets how each call authenticates; none by default. */
    public Builder authentication(Authentication authentication) {
      this.authentication = authentication;
      return this;
    }

    /** Sets how error bodies are read; by default only the status and request id are kept. */
    public Builder errorDecoder(ErrorDecoder errors) {
      this.errors = errors;
      return this;
    }

    /** Sets how a decoded error becomes the module's own {@link ServiceException} subclass. */
    public Builder exceptionFactory(Function<ServiceError, ? extends ServiceException> exceptions) {
      this.exceptions = exceptions;
      return this;
    }

    /** Sends Azure's {@code x-ms-client-request-id}, one per call, the same on every retry. */
    public Builder azureRequestIds(boolean azureRequestIds) {
      this.azureRequestIds = azureRequestIds;
      return this;
    }

    /**
     * Says whether the pipeline follows redirects (the default: same origin only, a read on any
     * redirect, other methods only on 307/308, at most 5 hops; any other redirect ends the call
     * with a {@link ServiceException} of its status); a module that must inspect redirects turns it
     * off and gets the 3xx answer.
     */
    public Builder followRedirects(boolean followRedirects) {
      this.followRedirects = followRedirects;
      return this;
    }

    private Builder copy() {
      Builder b = new Builder(options);
      b.module = module;
      b.authentication = authentication;
      b.errors = errors;
      b.exceptions = exceptions;
      b.azureRequestIds = azureRequestIds;
      b.followRedirects = followRedirects;
      b.random = random;
      return b;
    }

    /** Replaces the jitter source; tests pass a constant. */
    public Builder random(DoubleSupplier random) {
      this.random = random;
      return this;
    }

    /** Returns the pipeline; it owns an OkHttp client unless the options supplied one. */
    public HttpPipeline build() {
      return new HttpPipeline(this);
    }
  }

  @Override
  public String toString() {
    return "HttpPipeline[" + (ownsClient ? "own client" : "shared client") + "]";
  }
}
