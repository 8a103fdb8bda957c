package dev.rekey.testkit;

import dev.rekey.core.Secret;
import dev.rekey.core.internal.codec.JsonNode;
import dev.rekey.testkit.internal.Json;
import dev.rekey.testkit.internal.RandomSecrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * Azure NetApp Files' bucket {@code generateCredentials} over real HTTP: buckets in memory, the
 * reference page's name rules answered with ARM 400s, a fresh random key pair per call, and {@code
 * keyPairExpiry} computed from the emulator's clock (left out of the answer when the request names
 * no {@code keyPairExpiryDays}, which the page marks optional without a default).
 */
public final class NetAppEmulator extends ArmEmulator {
  private static final Pattern PATH =
      Pattern.compile(
          "/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\\.NetApp/netAppAccounts/([^/]+)"
              + "/capacityPools/([^/]+)/volumes/([^/]+)/buckets/([^/]+)/generateCredentials",
          Pattern.CASE_INSENSITIVE);
  private static final List<Map.Entry<String, Pattern>> NAME_RULES =
      List.of(
          Map.entry("accountName", Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9\\-_]{0,127}$")),
          Map.entry("poolName", Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9\\-_]{0,63}$")),
          Map.entry("volumeName", Pattern.compile("^[a-zA-Z][a-zA-Z0-9\\-_]{0,63}$")),
          Map.entry(
              "bucketName",
              Pattern.compile(
                  "^([a-z]|(\\d(?!\\d{0,2}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3})))"
                      + "([a-z\\d]|(\\.(?!(\\.|-)))|(-(?!\\.))){1,61}[a-z\\d]$")));

  private final Map<String, NetAppBucket> buckets = new ConcurrentHashMap<>();
  private volatile Clock clock = Clock.systemUTC();

  /**
   * Sets the clock that {@code keyPairExpiry} is computed from; {@link #reset()} puts back the
   * system clock.
   */
  public void clock(Clock clock) {
    this.clock = clock;
  }

  /**
   * Adds a bucket and returns it.
   *
   * @throws IllegalArgumentException if {@code resourceGroup} is not 1 to 90 characters
   */
  public NetAppBucket addBucket(
      String subscriptionId,
      String resourceGroup,
      String account,
      String pool,
      String volume,
      String bucket) {
    NetAppBucket b = new NetAppBucket();
    buckets.put(
        key(subscriptionId, resourceGroupName(resourceGroup), account, pool, volume, bucket), b);
    return b;
  }

  /** Returns a bucket, if it exists. */
  public Optional<NetAppBucket> bucket(
      String subscriptionId,
      String resourceGroup,
      String account,
      String pool,
      String volume,
      String bucket) {
    return Optional.ofNullable(
        buckets.get(key(subscriptionId, resourceGroup, account, pool, volume, bucket)));
  }

  /** The Microsoft.NetApp api-versions with volume buckets. */
  /**
   * The Microsoft.NetApp api-versions that have buckets: Bucket.tsp in the REST API specs adds them
   * in 2025-07-01-preview, 2025-08-01-preview, 2025-09-01-preview and 2025-12-15-preview and
   * removes them from the GA versions between (2025-08-01, 2025-09-01, 2025-12-01); 2026-01-01, the
   * reference page's version, has them again.
   */
  @Override
  protected List<String> apiVersions() {
    return List.of(
        "2025-07-01-preview",
        "2025-08-01-preview",
        "2025-09-01-preview",
        "2025-12-15-preview",
        "2026-01-01");
  }

  @Override
  protected void resetArmState() {
    buckets.clear();
    clock = Clock.systemUTC();
  }

  @Override
  protected MockResponse handleArm(RecordedRequest request) {
    Matcher path = PATH.matcher(decodedPath(request));
    if (!request.getMethod().equals("POST") || !path.matches()) {
      return errorResponse(
          404,
          "InvalidResourceType",
          "The resource type could not be found in the namespace 'Microsoft.NetApp'.");
    }
    for (int i = 0; i < NAME_RULES.size(); i++) {
      String value = path.group(i + 3);
      Map.Entry<String, Pattern> rule = NAME_RULES.get(i);
      if (!rule.getValue().matcher(value).matches()
          || (rule.getKey().equals("bucketName") && value.length() < 3)) {
        return json(
            400,
            Json.armError(
                "InvalidParameter",
                rule.getKey() + " '" + value + "' does not match " + rule.getValue(),
                rule.getKey()));
      }
    }
    NetAppBucket bucket =
        buckets.get(
            key(
                path.group(1),
                path.group(2),
                path.group(3),
                path.group(4),
                path.group(5),
                path.group(6)));
    if (bucket == null) {
      return errorResponse(
          404,
          "ResourceNotFound",
          "The Resource 'Microsoft.NetApp/netAppAccounts/"
              + path.group(3)
              + "/capacityPools/"
              + path.group(4)
              + "/volumes/"
              + path.group(5)
              + "/buckets/"
              + path.group(6)
              + "' was not found.");
    }
    JsonNode body = Json.read(request.getBody() == null ? "" : request.getBody().utf8());
    JsonNode days = body.path("keyPairExpiryDays");
    if (days.isMissingNode() || days.isNull()) {
      // optional on the reference page, which names no default: a pair whose answer says no expiry
      return longRunning(() -> generate(bucket, null));
    }
    int d = intValue(days);
    if (d < 1) {
      return json(
          400,
          Json.armError(
              "InvalidParameter",
              "keyPairExpiryDays must be an integer of at least 1.",
              "keyPairExpiryDays"));
    }
    return longRunning(() -> generate(bucket, d));
  }

  /**
   * Returns a JSON integer that fits an {@code int}; 0 for anything else (a fraction, text, too
   * big).
   */
  private static int intValue(JsonNode number) {
    if (!number.isNumber() || !number.asString().matches("-?[0-9]+")) {
      return 0;
    }
    try {
      return Integer.parseInt(number.asString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private MockResponse generate(NetAppBucket bucket, @Nullable Integer days) {
    @Nullable Instant expiry =
        days == null
            ? null
            : clock.instant().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.SECONDS);
    Secret access = Secret.of(RandomSecrets.alphanumeric(20).toUpperCase(Locale.ROOT));
    Secret secret = Secret.of(RandomSecrets.base64(30));
    bucket.rotate(access, secret, expiry);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("accessKey", access.reveal());
    if (expiry != null) {
      out.put("keyPairExpiry", expiry.toString());
    }
    out.put("secretKey", secret.reveal());
    return json(200, Json.write(out));
  }

  private static String key(String... parts) {
    return String.join("/", parts).toLowerCase(Locale.ROOT);
  }
}
