package dev.rekey.testkit;

import dev.rekey.core.Secret;
import dev.rekey.testkit.internal.AsmXml;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * An account's blob service endpoint, {@code /blob/{account}/?comp=list} (List Containers), that
 * authenticates Azure Storage's Shared Key scheme exactly as documented ("Authorize with Shared
 * Key", version 2009-09-19 and later): the request must be signed with one of the account's current
 * keys, so a key regenerated away answers 403 {@code AuthenticationFailed}. Neither keys nor
 * signatures are logged or echoed.
 */
final class BlobService {
  /** The path prefix of every account's blob endpoint on a storage emulator. */
  static final String PREFIX = "/blob/";

  private static final Duration MAX_SKEW = Duration.ofMinutes(15);

  /**
   * The date form the service's examples use ("Sun, 11 Oct 2009 21:49:13 GMT"), strictly: a
   * two-digit day, as a parser of .NET's "r" format requires.
   */
  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private final Function<String, Optional<List<Secret>>> keysOf;
  private final Supplier<Clock> clock;

  /**
   * Serves the accounts {@code keysOf} finds by name (their Shared Key keys, e.g. key1 and key2).
   */
  BlobService(Function<String, Optional<List<Secret>>> keysOf, Supplier<Clock> clock) {
    this.keysOf = keysOf;
    this.clock = clock;
  }

  /** Returns the blob endpoint of {@code account} on the emulator at {@code base}. */
  static URI endpoint(URI base, String account) {
    return base.resolve(PREFIX + account + "/");
  }

  /** Returns whether {@code request} is for a blob endpoint. */
  static boolean handles(RecordedRequest request) {
    return request.getUrl().encodedPath().startsWith(PREFIX);
  }

  /** Returns the blob service's answer. */
  MockResponse handle(RecordedRequest request) {
    return respond(request)
        .newBuilder()
        .setHeader("Date", IMF_FIXDATE.format(clock.get().instant()))
        .build();
  }

  private MockResponse respond(RecordedRequest request) {
    HttpUrl url = request.getUrl();
    String account = url.pathSegments().get(1);
    Optional<List<Secret>> keys = keysOf.apply(account);
    if (keys.isEmpty()) {
      return error(404, "ResourceNotFound", "The specified resource does not exist.");
    }
    String auth = request.getHeaders().get("Authorization");
    if (auth == null) {
      return error(
          401,
          "NoAuthenticationInformation",
          "Server failed to authenticate the request. Please refer to the information in the www-authenticate header.");
    }
    if (request.getHeaders().get("x-ms-version") == null) {
      return error(
          400,
          "MissingRequiredHeader",
          "An HTTP header that's mandatory for this request is not specified.");
    }
    String prefix = "SharedKey " + account + ":";
    if (!auth.startsWith(prefix) || !fresh(request)) {
      return authenticationFailed();
    }
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(auth.substring(prefix.length()));
    } catch (IllegalArgumentException e) {
      return authenticationFailed();
    }
    byte[] toSign = stringToSign(request, account).getBytes(StandardCharsets.UTF_8);
    for (Secret key : keys.get()) {
      if (MessageDigest.isEqual(hmac(key, toSign), signature)) {
        return listContainers(url, request.getMethod());
      }
    }
    return authenticationFailed();
  }

  private MockResponse listContainers(HttpUrl url, String method) {
    if (!method.equals("GET")
        || !"list".equals(url.queryParameter("comp"))
        || url.pathSize() != 3
        || !url.pathSegments().get(2).isEmpty()) {
      return error(
          400, "UnsupportedHttpVerb", "The emulated blob service answers only GET /?comp=list.");
    }
    String body =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><EnumerationResults ServiceEndpoint=\""
            + url.newBuilder().query(null).build()
            + "\"><Containers /><NextMarker /></EnumerationResults>";
    return answer(200, body);
  }

  /**
   * Builds the string to sign: verb, the eleven standard headers, canonical headers and resource.
   */
  static String stringToSign(RecordedRequest request, String account) {
    StringBuilder s = new StringBuilder(request.getMethod()).append('\n');
    for (String header :
        List.of(
            "Content-Encoding",
            "Content-Language",
            "Content-Length",
            "Content-MD5",
            "Content-Type",
            "Date",
            "If-Modified-Since",
            "If-Match",
            "If-None-Match",
            "If-Unmodified-Since",
            "Range")) {
      String value = request.getHeaders().get(header);
      boolean dateSignedElsewhere =
          header.equals("Date") && request.getHeaders().get("x-ms-date") != null;
      if (value == null
          || dateSignedElsewhere
          || (header.equals("Content-Length") && value.equals("0"))) {
        value = "";
      }
      s.append(value).append('\n');
    }
    TreeMap<String, String> msHeaders = new TreeMap<>();
    for (String name : request.getHeaders().names()) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.startsWith("x-ms-")) {
        List<String> values = new ArrayList<>();
        request
            .getHeaders()
            .values(name)
            .forEach(v -> values.add(v.trim().replaceAll("\\s+", " ")));
        msHeaders.put(lower, String.join(",", values));
      }
    }
    msHeaders.forEach((name, value) -> s.append(name).append(':').append(value).append('\n'));
    HttpUrl url = request.getUrl();
    s.append('/').append(account).append(url.encodedPath());
    TreeMap<String, List<String>> query = new TreeMap<>();
    for (String name : url.queryParameterNames()) {
      List<String> values = new ArrayList<>();
      url.queryParameterValues(name).forEach(v -> values.add(v == null ? "" : v));
      values.sort(null);
      query.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values);
    }
    for (Map.Entry<String, List<String>> q : query.entrySet()) {
      s.append('\n').append(q.getKey()).append(':').append(String.join(",", q.getValue()));
    }
    return s.toString();
  }

  private boolean fresh(RecordedRequest request) {
    String date = request.getHeaders().get("x-ms-date");
    if (date == null) {
      date = request.getHeaders().get("Date");
    }
    if (date == null) {
      return false;
    }
    try {
      Instant at = ZonedDateTime.parse(date, IMF_FIXDATE).toInstant();
      return Duration.between(at, clock.get().instant()).abs().compareTo(MAX_SKEW) <= 0;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static byte[] hmac(Secret key, byte[] toSign) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(key.reveal()), "HmacSHA256"));
      return mac.doFinal(toSign);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  private static MockResponse authenticationFailed() {
    return error(
        403,
        "AuthenticationFailed",
        "Server failed to authenticate the request."
            + " Make sure the value of Authorization header is formed correctly including the signature.");
  }

  private static MockResponse error(int status, String code, String message) {
    String requestId = UUID.randomUUID().toString();
    String body =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>"
            + code
            + "</Code><Message>"
            + AsmXml.escape(message)
            + "\nRequestId:"
            + requestId
            + "</Message></Error>";
    return answer(status, body)
        .newBuilder()
        .setHeader("x-ms-error-code", code)
        .setHeader("x-ms-request-id", requestId)
        .build();
  }

  private static MockResponse answer(int status, String body) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/xml")
        .setHeader("x-ms-request-id", UUID.randomUUID())
        .setHeader("x-ms-version", "2025-01-05")
        .body(body)
        .build();
  }
}
