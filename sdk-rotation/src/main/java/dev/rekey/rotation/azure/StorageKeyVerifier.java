package dev.rekey.rotation.azure;

import dev.rekey.azure.AzureCloud;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.ServiceError;
import dev.rekey.core.ServiceException;
import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.http.ApiRequest;
import dev.rekey.core.internal.http.ApiResponse;
import dev.rekey.core.internal.http.HttpPipeline;
import dev.rekey.core.internal.validate.Check;
import dev.rekey.core.internal.validate.CredentialUrls;
import dev.rekey.rotation.Credential;
import dev.rekey.rotation.RotationContext;
import dev.rekey.rotation.VerificationFailedException;
import dev.rekey.rotation.Verifier;
import dev.rekey.rotation.azure.internal.SharedKeySigner;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Proves a storage account key against the account itself: a List Containers call ({@code GET
 * /?comp=list}) to its blob endpoint, signed with the key by Azure Storage's Shared Key scheme. The
 * service answers 403 {@code AuthenticationFailed} to a key that is not one of the account's
 * current keys, which becomes a {@link VerificationFailedException} naming the slot; any other
 * refusal (a firewall's 403 {@code AuthorizationFailure}, a missing account) says nothing about the
 * key and is thrown as the {@link ServiceException} it is. The key never appears in a message or
 * log. Thread-safe; {@link #close()} releases its connections.
 */
public final class StorageKeyVerifier implements Verifier, AutoCloseable {
  private static final Pattern ACCOUNT = Pattern.compile("^[a-z0-9]{3,24}$");
  private static final String VERSION = "2021-12-02";
  private static final Duration MAX_SKEW = Duration.ofMinutes(15);

  /** HTTP's IMF-fixdate: a two-digit day ({@code RFC_1123_DATE_TIME} writes "3 Jun"). */
  private static final DateTimeFormatter RFC_1123 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private final HttpPipeline pipeline;
  private final String account;
  private final HttpUrl listContainers;

  private StorageKeyVerifier(HttpPipeline pipeline, String account, HttpUrl endpoint) {
    this.pipeline = pipeline;
    this.account = account;
    this.listContainers = endpoint.newBuilder().addQueryParameter("comp", "list").build();
  }

  /** Returns a builder; the account name is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns normally when the account accepts the key in {@code credential}.
   *
   * @throws VerificationFailedException if the account refused the key (403 {@code
   *     AuthenticationFailed}) or it is not base64
   * @throws dev.rekey.core.RekeyException if the account could not be asked (the answer is
   *     unknown), among them a {@link ServiceException} when this machine's clock and the service's
   *     are more than 15 minutes apart
   */
  @Override
  public void verify(RotationContext context, Credential credential) {
    String date = RFC_1123.format(pipeline.time().now());
    Map<String, String> msHeaders = Map.of("x-ms-date", date, "x-ms-version", VERSION);
    String authorization;
    try {
      authorization =
          SharedKeySigner.authorization(
              account, credential.value(), "GET", listContainers, msHeaders);
    } catch (IllegalArgumentException e) {
      throw new VerificationFailedException(context.targetId(), credential.slot(), e.getMessage());
    }
    ApiRequest.Builder request =
        ApiRequest.get(listContainers)
            .operationName("Storage verify key of " + account)
            .carriesNoSecrets();
    msHeaders.forEach(request::header);
    request.header("Authorization", authorization);
    try {
      pipeline.send(request.build());
    } catch (ServiceException e) {
      // the decoder gives a message only when the clocks disagree: then the key was not checked
      if (e.hasCode("AuthenticationFailed") && e.serviceMessage().isEmpty()) {
        throw new VerificationFailedException(
            context.targetId(), credential.slot(), e.getMessage(), e);
      }
      throw e;
    }
  }

  /** Releases the pipeline's connections and threads. */
  @Override
  public void close() {
    pipeline.close();
  }

  @Override
  public String toString() {
    return "StorageKeyVerifier[" + listContainers.newBuilder().query(null).build() + "]";
  }

  /**
   * Reads Storage's error code from {@code x-ms-error-code} (the XML body is not needed); a 403
   * whose {@code Date} is more than 15 minutes from {@code now} says the clocks disagree, which
   * Shared Key refuses whatever the key ("a request is no older than 15 minutes").
   */
  private static ServiceError error(ApiResponse response, Instant now) {
    String clocks = null;
    if (response.statusCode() == 403) {
      Instant serverTime = serverTime(response);
      if (serverTime != null && Duration.between(serverTime, now).abs().compareTo(MAX_SKEW) > 0) {
        clocks =
            "the service's clock (Date: "
                + response.header("Date").orElse("")
                + ") is more than 15 minutes from this machine's; Shared Key refuses such requests"
                + " whatever the key, so the key was not checked";
      }
    }
    return new ServiceError(
        response.statusCode(),
        response.header("x-ms-error-code").orElse(null),
        clocks,
        null,
        List.of(),
        response.requestId());
  }

  private static @Nullable Instant serverTime(ApiResponse response) {
    try {
      return response
          .header("Date")
          .map(d -> ZonedDateTime.parse(d.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
          .orElse(null);
    } catch (DateTimeParseException unreadable) {
      return null;
    }
  }

  /** Builds a {@link StorageKeyVerifier}. */
  public static final class Builder {
    private @Nullable String accountName;
    private @Nullable URI endpoint;
    private AzureCloud cloud = AzureCloud.PUBLIC;
    private @Nullable ClientOptions options; // null: the defaults, read at build()

    private Builder() {}

    /** Sets the storage account name (3-24 lower-case letters and digits). */
    public Builder accountName(String accountName) {
      this.accountName = accountName;
      return this;
    }

    /**
     * Sets the blob endpoint; by default {@code https://{account}.blob.{cloud's storage suffix}/}.
     */
    public Builder endpoint(URI endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint == null");
      return this;
    }

    /** Sets the cloud whose storage suffix makes the default endpoint; public by default. */
    public Builder cloud(AzureCloud cloud) {
      this.cloud = Objects.requireNonNull(cloud, "cloud == null");
      return this;
    }

    /** Sets transport options (timeouts, retries, proxy, logging). */
    public Builder options(ClientOptions options) {
      this.options = Objects.requireNonNull(options, "options == null");
      return this;
    }

    /**
     * Returns the verifier.
     *
     * @throws ValidationException if the account name is missing or invalid, or the endpoint is not
     *     http(s)
     */
    public StorageKeyVerifier build() {
      String account =
          Check.matches(
              "accountName", accountName, ACCOUNT, "must be 3-24 lower-case letters and digits");
      HttpUrl url =
          endpoint == null
              ? HttpUrl.get("https://" + account + ".blob." + cloud.storageEndpointSuffix() + "/")
              : CredentialUrls.checked("endpoint", endpoint);
      ClientOptions o = options != null ? options : ClientOptions.defaults();
      HttpPipeline pipeline =
          HttpPipeline.builder(o)
              .module("sdk-rotation")
              .errorDecoder(response -> error(response, o.timeSource().now()))
              .build();
      return new StorageKeyVerifier(pipeline, account, url);
    }
  }
}
