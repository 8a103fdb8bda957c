package dev.rekey.core.internal.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.MediaType;
import org.jspecify.annotations.Nullable;

/**
 * Parsed request content types, kept: {@link MediaType#parse} runs a regular expression and
 * allocates on every call, while a client sends the same one or two types all its life.
 */
final class MediaTypes {
  private static final String DEFAULT = "application/octet-stream";
  private static final int MAX_CACHED = 64;
  private static final Map<String, MediaType> CACHE = new ConcurrentHashMap<>();

  private MediaTypes() {}

  /**
   * Returns {@code contentType} parsed ({@code application/octet-stream} when null), or null if
   * malformed.
   */
  static @Nullable MediaType of(@Nullable String contentType) {
    String type = contentType == null ? DEFAULT : contentType;
    MediaType cached = CACHE.get(type);
    if (cached != null) {
      return cached;
    }
    MediaType parsed = MediaType.parse(type);
    if (parsed != null && CACHE.size() < MAX_CACHED) {
      CACHE.putIfAbsent(type, parsed);
    }
    return parsed;
  }
}
