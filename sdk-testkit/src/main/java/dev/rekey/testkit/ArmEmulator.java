package dev.rekey.testkit;

import dev.rekey.testkit.internal.Json;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The base of the Azure Resource Manager emulators: checks the bearer token (401 {@code
 * AuthenticationFailed} without an {@code Authorization} header, {@code InvalidAuthenticationToken}
 * with a refused one) and {@code api-version} like ARM, answers errors in ARM's JSON shape with an
 * {@code x-ms-request-id}, and runs long-running calls as planned with {@link
 * Faults#planNextOperation(AsyncPlan)} (202 with {@code Location} and/or {@code
 * Azure-AsyncOperation}).
 */
public abstract class ArmEmulator extends Emulator {
  private static final String OPERATIONS = "/rekey-emulator/operations/";
  private static final Pattern API_VERSION = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}(-[a-zA-Z]+)?$");
  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final Map<String, PlannedOperation<MockResponse>> operations = new ConcurrentHashMap<>();
  private volatile @Nullable String requiredToken;

  /**
   * Accepts only {@code token} as bearer token from now on (by default any non-empty token passes).
   */
  public final void requireToken(String token) {
    this.requiredToken = token;
  }

  /**
   * Returns the answer to a request outside ARM that authenticates its own way (a data-plane
   * endpoint such as an account's blob service or a registry's token endpoint), or null for an ARM
   * request.
   */
  protected @Nullable MockResponse handleDataPlane(RecordedRequest request) {
    return null;
  }

  /** Returns the service's answer to an authenticated ARM request that is not an operation poll. */
  protected abstract MockResponse handleArm(RecordedRequest request);

  /** Resets the service's own state. */
  protected abstract void resetArmState();

  /**
   * Returns {@code resourceGroup} if ARM could hold it (1 to 90 characters), so an emulator never
   * holds a resource the service could not.
   *
   * @throws IllegalArgumentException if the name is empty or longer than 90 characters
   */
  protected static String resourceGroupName(String resourceGroup) {
    if (resourceGroup.isEmpty() || resourceGroup.length() > 90) {
      throw new IllegalArgumentException(
          "resourceGroup has "
              + resourceGroup.length()
              + " characters; ARM's resource group names have 1 to 90");
    }
    return resourceGroup;
  }

  @Override
  protected final void resetState() {
    operations.clear();
    requiredToken = null;
    resetArmState();
  }

  @Override
  protected final MockResponse handle(RecordedRequest request) {
    MockResponse dataPlane = handleDataPlane(request);
    if (dataPlane != null) {
      return dataPlane;
    }
    String auth = request.getHeaders().get("Authorization");
    String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7).trim() : "";
    String required = requiredToken;
    if (auth == null) {
      // ARM's answer to a request without the header (code and message as ARM writes them).
      return unauthorized(
          "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.");
    }
    if (token.isEmpty() || (required != null && !required.equals(token))) {
      return unauthorized("InvalidAuthenticationToken", "The access token is missing or invalid.");
    }
    String path = request.getUrl().encodedPath();
    if (path.startsWith(OPERATIONS)) {
      return poll(request.getUrl());
    }
    String apiVersion = request.getUrl().queryParameter("api-version");
    if (apiVersion == null || apiVersion.isBlank()) {
      return errorResponse(
          400,
          "MissingApiVersionParameter",
          "The api-version query parameter (?api-version=) is required for all requests.");
    }
    String supported = String.join(", ", apiVersions());
    if (!API_VERSION.matcher(apiVersion).matches()) {
      return errorResponse(
          400,
          "InvalidApiVersionParameter",
          "The api-version '"
              + apiVersion
              + "' is invalid. The supported versions are '"
              + supported
              + "'.");
    }
    if (!apiVersions().isEmpty() && !apiVersions().contains(apiVersion)) {
      return errorResponse(
          400,
          "NoRegisteredProviderFound",
          "No registered resource provider found for API version '"
              + apiVersion
              + "'. The supported api-versions are '"
              + supported
              + "'.");
    }
    List<String> segments = request.getUrl().pathSegments();
    if (segments.size() > 1
        && segments.get(0).equalsIgnoreCase("subscriptions")
        && !UUID_TEXT.matcher(segments.get(1)).matches()) {
      return errorResponse(
          400,
          "InvalidSubscriptionId",
          "The provided subscription identifier '"
              + segments.get(1)
              + "' is malformed or invalid.");
    }
    return handleArm(request);
  }

  private MockResponse unauthorized(String code, String message) {
    return errorResponse(401, code, message)
        .newBuilder()
        .setHeader(
            "WWW-Authenticate",
            "Bearer authorization_uri=\"https://login.microsoftonline.com/common\"")
        .build();
  }

  /**
   * Returns {@code request}'s path with each segment decoded, as ARM names resources: a resource
   * group of non-ASCII letters arrives percent-encoded and is registered as written.
   */
  protected static String decodedPath(RecordedRequest request) {
    return "/" + String.join("/", request.getUrl().pathSegments());
  }

  /**
   * Returns the api-versions the emulated resource type accepts; others are refused as ARM refuses
   * them ({@code NoRegisteredProviderFound}). Empty, the default, accepts any well-formed version.
   */
  protected List<String> apiVersions() {
    return List.of();
  }

  /**
   * Runs {@code call} now, or, when {@link Faults#planNextOperation(AsyncPlan)} planned an
   * operation, answers 202 and runs it when the operation succeeds. Subclasses route long-running
   * calls through it.
   */
  protected final MockResponse longRunning(Supplier<MockResponse> call) {
    AsyncPlan plan = faults().nextOperation().orElse(null);
    if (plan == null) {
      return call.get();
    }
    String id = UUID.randomUUID().toString();
    if (plan.outcome() != AsyncPlan.Outcome.NOT_FOUND) {
      operations.put(id, new PlannedOperation<>(plan.polls(), plan.outcome(), call));
    }
    URI status = baseUrl().resolve(OPERATIONS + id + "?api-version=emulator&view=status");
    URI result = baseUrl().resolve(OPERATIONS + id + "?api-version=emulator&view=result");
    MockResponse.Builder accepted =
        new MockResponse.Builder()
            .code(202)
            .setHeader("Retry-After", "0")
            .setHeader("x-ms-request-id", UUID.randomUUID());
    if (plan.style() != AsyncPlan.Style.ASYNC_OPERATION_ONLY) {
      accepted.setHeader("Location", result);
    }
    if (plan.style() != AsyncPlan.Style.LOCATION) {
      accepted.setHeader("Azure-AsyncOperation", status);
    }
    return accepted.build();
  }

  @Override
  protected MockResponse errorResponse(int status, String code, String message) {
    return json(status, Json.armError(code, message, null));
  }

  /** Returns a JSON answer with an {@code x-ms-request-id}. */
  protected static MockResponse json(int status, String body) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .setHeader("x-ms-request-id", UUID.randomUUID())
        .body(body)
        .build();
  }

  private MockResponse poll(HttpUrl url) {
    String id = url.pathSegments().get(url.pathSize() - 1);
    PlannedOperation<MockResponse> op = operations.get(id);
    if (op == null) {
      return errorResponse(404, "OperationNotFound", "The operation " + id + " was not found.");
    }
    boolean running = op.stillRunning();
    boolean statusView = "status".equals(url.queryParameter("view"));
    AsyncPlan.Outcome outcome = op.outcome();
    if (running) {
      // An operation that never ends asks for a real wait, as ARM does; the others poll at once.
      String wait = outcome == AsyncPlan.Outcome.HANGS ? "1" : "0";
      return statusView
          ? json(200, Json.write(Map.of("status", "InProgress")))
              .newBuilder()
              .setHeader("Retry-After", wait)
              .build()
          : new MockResponse.Builder()
              .code(202)
              .setHeader("Retry-After", wait)
              .setHeader("Location", url)
              .build();
    }
    if (outcome == AsyncPlan.Outcome.SUCCEEDED) {
      MockResponse result = op.applyOnce();
      return statusView ? json(200, Json.write(Map.of("status", "Succeeded"))) : result;
    }
    String status = outcome == AsyncPlan.Outcome.FAILED ? "Failed" : "Canceled";
    String error =
        Json.armError(
            "OperationFailed", "The emulated operation " + status.toLowerCase() + ".", null);
    // With Location only, a failed operation answers the error its call would have answered at once
    // (ARM's async API reference); a conflict, a client error: a 5xx there would say nothing sure.
    return statusView
        ? json(200, "{\"status\":\"" + status + "\"," + error.substring(1))
        : json(409, error);
  }
}
