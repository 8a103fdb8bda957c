package dev.rekey.rotation.azure.internal;

import dev.rekey.core.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.HttpUrl;

/**
 * Azure Storage's Shared Key signature for a request without a body, as "Authorize with Shared Key"
 * defines it for version 2009-09-19 and later: HMAC-SHA256, under the base64-decoded account key,
 * of the verb, eleven standard headers (empty here), the {@code x-ms-} headers lower-cased and
 * sorted, and the canonicalized resource {@code /{account}{path}} with each query parameter on its
 * own line.
 */
public final class SharedKeySigner {
  private SharedKeySigner() {}

  /**
   * Returns the {@code Authorization} header value, {@code SharedKey account:signature}.
   *
   * @param msHeaders every {@code x-ms-} header the request will carry
   * @throws IllegalArgumentException if {@code key} is not base64 (the message never shows it)
   */
  public static String authorization(
      String account, Secret key, String method, HttpUrl url, Map<String, String> msHeaders) {
    byte[] keyBytes;
    try {
      keyBytes = Base64.getDecoder().decode(key.reveal());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the account key is not base64");
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(keyBytes, "HmacSHA256"));
      byte[] signature =
          mac.doFinal(
              stringToSign(account, method, url, msHeaders).getBytes(StandardCharsets.UTF_8));
      return "SharedKey " + account + ":" + Base64.getEncoder().encodeToString(signature);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  /** Returns the string to sign for a request with no body and no standard headers. */
  static String stringToSign(
      String account, String method, HttpUrl url, Map<String, String> msHeaders) {
    StringBuilder s = new StringBuilder(method).append('\n');
    s.append("\n".repeat(11));
    TreeMap<String, String> headers = new TreeMap<>();
    msHeaders.forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value.trim()));
    headers.forEach((name, value) -> s.append(name).append(':').append(value).append('\n'));
    s.append('/').append(account).append(url.encodedPath());
    TreeMap<String, List<String>> query = new TreeMap<>();
    for (String name : url.queryParameterNames()) {
      List<String> values = new ArrayList<>();
      url.queryParameterValues(name).forEach(v -> values.add(v == null ? "" : v));
      query.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values);
    }
    query.forEach(
        (name, values) -> {
          values.sort(null);
          s.append('\n').append(name).append(':').append(String.join(",", values));
        });
    return s.toString();
  }
}
