package dev.rekey.core.internal.validate;

import dev.rekey.core.ValidationException;
import java.net.URI;
import okhttp3.HttpUrl;

/**
 * Where Rekey sends a credential (a token, basic credentials, a signature): over https, or over
 * plain http only to a loopback host (an emulator, a test), and never to a URL that carries a user
 * name or password of its own (it would be written into every log line and message naming it).
 */
public final class CredentialUrls {
  /** The rule a {@link ValidationException} states. */
  public static final String RULE =
      "must be an https URL (plain http only to a loopback host, such as an emulator),"
          + " without a user name or password";

  private CredentialUrls() {}

  /**
   * Returns {@code uri} as an {@link HttpUrl}.
   *
   * @throws ValidationException if it is not an absolute http(s) URL, is plain http to a host that
   *     is not loopback, or carries a user name or password (shown without them)
   */
  public static HttpUrl checked(String field, URI uri) {
    HttpUrl url = HttpUrl.parse(uri.toString());
    if (url == null || !mayCarryCredentials(url)) {
      throw new ValidationException(field, Check.quote(shown(uri)), RULE);
    }
    return url;
  }

  /** Returns whether a request to {@code url} may carry a credential. */
  public static boolean mayCarryCredentials(HttpUrl url) {
    return (url.isHttps() || isLoopback(url.host()))
        && url.encodedUsername().isEmpty()
        && url.encodedPassword().isEmpty();
  }

  /** Returns {@code uri} as a message may show it: without its user name and password. */
  public static String shown(URI uri) {
    if (uri.getRawUserInfo() == null) {
      return uri.toString();
    }
    return uri.getScheme()
        + "://"
        + uri.getRawAuthority().substring(uri.getRawAuthority().indexOf('@') + 1)
        + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }

  /** {@code localhost}, {@code ::1} or an IPv4 literal in 127.0.0.0/8; names are not resolved. */
  private static boolean isLoopback(String host) {
    if (host.equals("localhost") || host.equals("::1")) {
      return true;
    }
    if (!host.startsWith("127.")) {
      return false;
    }
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c != '.' && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }
}
