package dev.rekey.core.internal.http;

import java.util.Locale;
import java.util.Set;
import okhttp3.HttpUrl;

/** What of a URL or header may be written to a log or an exception message. */
public final class Redaction {
  static final String MASK = "****";
  private static final Set<String> SAFE_QUERY =
      Set.of(
          "api-version",
          "action",
          "fields",
          "return_records",
          "return_timeout",
          "comp",
          "restype",
          "$expand");
  private static final Set<String> SECRET_HEADERS =
      Set.of(
          "authorization",
          "proxy-authorization",
          "cookie",
          "set-cookie",
          "x-ms-authorization-auxiliary");

  private Redaction() {}

  /**
   * Returns the URL without its user name and password, and with every query value but well-known
   * harmless ones masked.
   */
  public static String url(HttpUrl url) {
    boolean userInfo = !url.encodedUsername().isEmpty() || !url.encodedPassword().isEmpty();
    if (url.querySize() == 0 && !userInfo) {
      return url.toString();
    }
    HttpUrl.Builder b = url.newBuilder().username("").password("").query(null);
    for (int i = 0; i < url.querySize(); i++) {
      String name = url.queryParameterName(i);
      String value = url.queryParameterValue(i);
      b.addQueryParameter(
          name, value == null || SAFE_QUERY.contains(name.toLowerCase(Locale.ROOT)) ? value : MASK);
    }
    return b.build().toString();
  }

  /**
   * Returns a header's value as a log may show it: masked for a secret header; a URL (an operation
   * or redirect {@code Location}, which may carry a signature in its query) as {@link #url} shows
   * it; else as it is.
   */
  public static String headerValue(String name, String value) {
    if (isSecretHeader(name)) {
      return MASK;
    }
    if (value.startsWith("http://") || value.startsWith("https://")) {
      HttpUrl url = HttpUrl.parse(value);
      return url == null ? MASK : url(url);
    }
    return value;
  }

  /** Returns whether a header's value must never be logged. */
  public static boolean isSecretHeader(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return SECRET_HEADERS.contains(n)
        || n.contains("token")
        || n.contains("secret")
        || n.contains("password")
        || n.contains("key")
        || n.contains("signature");
  }
}
