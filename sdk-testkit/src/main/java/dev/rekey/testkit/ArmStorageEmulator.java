package dev.rekey.testkit;

import dev.rekey.core.Secret;
import dev.rekey.core.internal.codec.JsonNode;
import dev.rekey.testkit.internal.Json;
import dev.rekey.testkit.internal.RandomSecrets;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * Azure Storage's ARM key calls over real HTTP: {@code POST
 * .../storageAccounts/{account}/regenerateKey} with {@code {"keyName":"key1"}} (key1, key2, kerb1,
 * kerb2) and {@code POST .../listKeys}, both answering every key. Permissions are spelled {@code
 * FULL} before api-version 2021-01-01 and {@code Full} from it on, as the service does. Each
 * account also has a Shared Key-authenticated blob endpoint, {@link #blobEndpoint(String)}, for
 * verifying a key against the keys the account holds now.
 */
public final class ArmStorageEmulator extends ArmEmulator {
  private static final Pattern PATH =
      Pattern.compile(
          "/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers"
              + "/Microsoft\\.Storage/storageAccounts/([^/]+)/(regenerateKey|listKeys)",
          Pattern.CASE_INSENSITIVE);
  private static final Set<String> KEY_NAMES = Set.of("key1", "key2", "kerb1", "kerb2");

  private final Map<String, StorageKeys> accounts = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> created = new ConcurrentHashMap<>();
  private volatile Clock clock = Clock.systemUTC();
  private final BlobService blobs = new BlobService(this::sharedKeys, () -> clock);

  /** Sets the clock that stamps key creation times; {@link #reset()} puts back the system clock. */
  public void clock(Clock clock) {
    this.clock = clock;
  }

  /**
   * Adds a storage account with fresh key1 and key2 and returns its keys.
   *
   * @throws IllegalArgumentException if {@code resourceGroup} is not 1 to 90 characters
   */
  public StorageKeys addAccount(String subscriptionId, String resourceGroup, String account) {
    StorageKeys keys = new StorageKeys("key1", "key2");
    String k = key(subscriptionId, resourceGroupName(resourceGroup), account);
    accounts.put(k, keys);
    Map<String, String> stamps = new ConcurrentHashMap<>();
    stamps.put("key1", clock.instant().toString());
    stamps.put("key2", clock.instant().toString());
    created.put(k, stamps);
    return keys;
  }

  /** Returns an account's keys, if it exists. */
  public Optional<StorageKeys> account(
      String subscriptionId, String resourceGroup, String account) {
    return Optional.ofNullable(accounts.get(key(subscriptionId, resourceGroup, account)));
  }

  /** The Microsoft.Storage api-versions with regenerateKey and listKeys. */
  @Override
  protected List<String> apiVersions() {
    return List.of(
        "2016-01-01",
        "2016-05-01",
        "2016-12-01",
        "2017-06-01",
        "2017-10-01",
        "2018-02-01",
        "2018-07-01",
        "2018-11-01",
        "2019-04-01",
        "2019-06-01",
        "2021-01-01",
        "2021-02-01",
        "2021-04-01",
        "2021-06-01",
        "2021-08-01",
        "2021-09-01",
        "2022-05-01",
        "2022-09-01",
        "2023-01-01",
        "2023-04-01",
        "2023-05-01",
        "2024-01-01",
        "2025-01-01",
        "2025-06-01");
  }

  /**
   * Returns the blob service endpoint of {@code account} on this emulator, e.g. {@code
   * http://127.0.0.1:54321/blob/mystore/}: {@code GET ?comp=list} there answers 200 only when
   * signed with Shared Key by the account's current key1 or key2, and 403 {@code
   * AuthenticationFailed} otherwise. The Shared Key canonicalized resource is {@code /{account}}
   * followed by this URL's path.
   */
  public URI blobEndpoint(String account) {
    return BlobService.endpoint(baseUrl(), account);
  }

  @Override
  protected @Nullable MockResponse handleDataPlane(RecordedRequest request) {
    return BlobService.handles(request) ? blobs.handle(request) : null;
  }

  private Optional<List<Secret>> sharedKeys(String account) {
    String suffix = "/" + account;
    return accounts.entrySet().stream()
        .filter(e -> e.getKey().endsWith(suffix))
        .findFirst()
        .map(
            e ->
                List.of(
                    e.getValue().key("key1").orElseThrow(),
                    e.getValue().key("key2").orElseThrow()));
  }

  @Override
  protected void resetArmState() {
    accounts.clear();
    created.clear();
    clock = Clock.systemUTC();
  }

  @Override
  protected MockResponse handleArm(RecordedRequest request) {
    Matcher path = PATH.matcher(decodedPath(request));
    if (!request.getMethod().equals("POST") || !path.matches()) {
      return errorResponse(
          404,
          "InvalidResourceType",
          "The resource type could not be found in the namespace 'Microsoft.Storage'.");
    }
    String account = path.group(3);
    if (!account.matches("[a-z0-9]{3,24}")) {
      return json(
          400,
          Json.armError(
              "AccountNameInvalid",
              account + " is not a valid storage account name.",
              "accountName"));
    }
    String k = key(path.group(1), path.group(2), account);
    StorageKeys keys = accounts.get(k);
    if (keys == null) {
      return errorResponse(
          404,
          "ResourceNotFound",
          "The Resource 'Microsoft.Storage/storageAccounts/"
              + account
              + "' under resource group '"
              + path.group(2)
              + "' was not found.");
    }
    boolean newSpelling =
        request.getUrl().queryParameter("api-version").compareTo("2021-01-01") >= 0;
    if (path.group(4).equalsIgnoreCase("listKeys")) {
      // the Kerberos keys only with $expand=kerb (the spec's StorageAccounts_ListKeys)
      boolean kerb = "kerb".equals(request.getUrl().queryParameter("$expand"));
      return json(200, keysBody(k, keys, newSpelling, name -> kerb || name.startsWith("key")));
    }
    JsonNode body = Json.read(request.getBody() == null ? "" : request.getBody().utf8());
    String keyName = body.path("keyName").asString("");
    if (!KEY_NAMES.contains(keyName.toLowerCase(Locale.ROOT))) {
      return json(
          400,
          Json.armError(
              "InvalidValuesForRequestParameters",
              "keyName must be one of key1, key2, kerb1, kerb2.",
              "keyName"));
    }
    String name = keyName.toLowerCase(Locale.ROOT);
    return longRunning(
        () -> {
          keys.regenerate(name, Secret.of(RandomSecrets.base64(64)));
          created.get(k).put(name, clock.instant().toString());
          // as the spec's examples answer: key1 and key2, and a regenerated Kerberos key alone
          return json(
              200, keysBody(k, keys, newSpelling, n -> n.startsWith("key") || n.equals(name)));
        });
  }

  private String keysBody(
      String account, StorageKeys keys, boolean newSpelling, Predicate<String> shown) {
    List<Map<String, Object>> out = new ArrayList<>();
    keys.all()
        .forEach(
            (name, value) -> {
              if (!shown.test(name)) {
                return;
              }
              Map<String, Object> key = new LinkedHashMap<>();
              key.put("creationTime", created.get(account).get(name));
              key.put("keyName", name);
              key.put("permissions", newSpelling ? "Full" : "FULL");
              key.put("value", value.reveal());
              out.add(key);
            });
    return Json.write(Map.of("keys", out));
  }

  private static String key(String sub, String rg, String account) {
    return (sub + "/" + rg + "/" + account).toLowerCase(Locale.ROOT);
  }
}
