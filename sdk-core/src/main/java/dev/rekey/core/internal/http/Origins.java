package dev.rekey.core.internal.http;

import okhttp3.HttpUrl;

/**
 * A URL's origin (scheme, host, port): what a credential is sent to, so redirects and operation
 * URLs are followed only within it.
 */
public final class Origins {
  private Origins() {}

  /** Returns whether {@code a} and {@code b} have the same scheme, host and port. */
  public static boolean same(HttpUrl a, HttpUrl b) {
    return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
  }

  /** Returns {@code url}'s origin as a message shows it, e.g. {@code https://host:443}. */
  public static String of(HttpUrl url) {
    return url.scheme() + "://" + url.host() + ":" + url.port();
  }
}
