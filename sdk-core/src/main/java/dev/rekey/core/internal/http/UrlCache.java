package dev.rekey.core.internal.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * A client's URLs by the names in them, so a call to a resource the client called before does not
 * build its URL again: OkHttp's {@code HttpUrl.Builder} encodes and copies every segment, about 1.5
 * KB per URL, which was the largest allocation of a call Rekey made itself (issue 18). A client
 * calls few resources, so the cache keeps the first {@value #MAX} and builds any further one per
 * call. Thread-safe.
 */
public final class UrlCache {
  static final int MAX = 256;

  private final ConcurrentHashMap<String, HttpUrl> urls = new ConcurrentHashMap<>();

  /**
   * Returns the URL of {@code key}, built by {@code build} the first time. The key must name the
   * URL completely (every variable part, joined by a character none of them may contain).
   */
  public HttpUrl get(String key, Function<String, HttpUrl> build) {
    HttpUrl url = urls.get(key);
    if (url == null) {
      url = build.apply(key);
      if (urls.size() < MAX) {
        urls.putIfAbsent(key, url);
      }
    }
    return url;
  }
}
