package dev.rekey.core.internal.http;

import dev.rekey.core.RekeyException;
import dev.rekey.core.TimeSource;
import dev.rekey.core.auth.AccessToken;
import dev.rekey.core.auth.TokenSource;
import dev.rekey.core.internal.Futures;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Caches a bearer token and refreshes it {@code refreshMargin} before it expires. No caller ever
 * sleeps while a valid token is cached: one caller refreshes, the others keep using the still-valid
 * token. Only when no valid token exists do callers wait, and then only for the one refresh in
 * flight. After a refresh fails while the cached token is still valid, no caller tries again for
 * {@value #QUIET_SECONDS} seconds (as azure-core's token cache does), so a slow or failing identity
 * provider is not waited for call after call.
 */
public final class CachingTokenSource {
  static final long QUIET_SECONDS = 30;

  private final TokenSource source;
  private final Duration refreshMargin;
  private final TimeSource time;
  private volatile @Nullable AccessToken current;
  private volatile Instant quietUntil = Instant.MIN;
  private final AtomicReference<@Nullable CompletableFuture<AccessToken>> inFlight =
      new AtomicReference<>();

  public CachingTokenSource(TokenSource source, Duration refreshMargin, TimeSource time) {
    this.source = source;
    this.refreshMargin = refreshMargin;
    this.time = time;
  }

  /**
   * Returns a token that is valid now.
   *
   * @throws RekeyException if the source fails and no valid token is cached
   */
  public AccessToken token() {
    AccessToken token = current;
    Instant now = time.now();
    if (token != null && now.isBefore(token.expiresAt().minus(refreshMargin))) {
      return token;
    }
    if (token != null && now.isBefore(token.expiresAt())) {
      return now.isBefore(quietUntil) ? token : refresh(token, token);
    }
    return refresh(token, null);
  }

  /** Returns a token other than {@code rejected}, which the service refused (HTTP 401). */
  public AccessToken replace(AccessToken rejected) {
    AccessToken token = current;
    if (token != null && token != rejected) {
      return token;
    }
    current = null;
    return refresh(rejected, null);
  }

  /**
   * Refreshes once across all callers. With a still-valid {@code fallback}, a caller that finds a
   * refresh already under way returns the fallback at once instead of waiting. {@code seen} is the
   * cached token the caller judged stale; if another caller replaced it in the meantime (its
   * refresh finished between our look at the cache and here), that newer token is used instead of
   * fetching.
   */
  private AccessToken refresh(@Nullable AccessToken seen, @Nullable AccessToken fallback) {
    CompletableFuture<AccessToken> mine = new CompletableFuture<>();
    CompletableFuture<AccessToken> running = inFlight.compareAndExchange(null, mine);
    if (running != null) {
      return fallback != null ? fallback : await(running);
    }
    try {
      AccessToken latest = current;
      if (latest != null
          && latest != seen
          && time.now().isBefore(latest.expiresAt().minus(refreshMargin))) {
        mine.complete(latest);
        return latest;
      }
      AccessToken fresh = source.fetchToken();
      current = fresh;
      mine.complete(fresh);
      return fresh;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      if (fallback != null) {
        quietUntil = time.now().plusSeconds(QUIET_SECONDS);
        return fallback;
      }
      throw failure(e);
    } catch (Error e) {
      mine.completeExceptionally(e); // never leave the callers waiting on this refresh hanging
      throw e;
    } finally {
      inFlight.set(null);
    }
  }

  private static AccessToken await(CompletableFuture<AccessToken> running) {
    try {
      return running.join();
    } catch (CompletionException e) {
      throw failure(Futures.unwrap(e));
    }
  }

  private static RekeyException failure(Throwable cause) {
    return cause instanceof RekeyException r
        ? r
        : new RekeyException("could not get an access token: " + cause.getClass().getName(), cause);
  }
}
