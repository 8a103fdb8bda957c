package dev.rekey.core.internal.http;

import dev.rekey.core.Secret;
import dev.rekey.core.TimeSource;
import dev.rekey.core.auth.AccessToken;
import dev.rekey.core.auth.Authentication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import okhttp3.Credentials;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Adds credentials to every request: a cached bearer token (sent once more with a fresh token when the
 * service answers 401, which means it did not act on the call) or HTTP basic credentials.
 */
final class AuthInterceptor implements Interceptor {
  private final @Nullable CachingTokenSource tokens;
  private final @Nullable Supplier<String> basicHeader;
  private volatile @Nullable BearerHeader lastHeader;

  private AuthInterceptor(@Nullable CachingTokenSource tokens, @Nullable Supplier<String> basicHeader) {
    this.tokens = tokens;
    this.basicHeader = basicHeader;
  }

  /** Returns the interceptor for {@code auth}, or null when it adds nothing at the HTTP level. */
  static @Nullable AuthInterceptor of(Authentication auth, TimeSource time) {
    if (auth instanceof Authentication.Bearer bearer) {
      return new AuthInterceptor(
          new CachingTokenSource(bearer.source(), bearer.refreshMargin(), time), null);
    }
    if (auth instanceof Authentication.Basic basic) {
      String header = Credentials.basic(basic.username(), basic.password().reveal(), StandardCharsets.UTF_8);
      return new AuthInterceptor(null, () -> header);
    }
    if (auth instanceof Authentication.ChangingBasic basic) {
      return new AuthInterceptor(
          null, () -> Credentials.basic(basic.username(), basic.password().get().reveal(), StandardCharsets.UTF_8));
    }
    return null;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (tokens == null) {
      return chain.proceed(request.newBuilder().header("Authorization", basicHeader.get()).build());
    }
    AccessToken token = token(tokens::token);
    Response response = chain.proceed(withBearer(request, token));
    if (response.code() != 401) {
      return response;
    }
    response.close();
    return chain.proceed(withBearer(request, token(() -> tokens.replace(token))));
  }

  private static AccessToken token(java.util.function.Supplier<AccessToken> source)
      throws TokenUnavailableException {
    try {
      return source.get();
    } catch (dev.rekey.core.RekeyException e) {
      throw new TokenUnavailableException(e);
    }
  }

  private Request withBearer(Request request, AccessToken token) {
    BearerHeader header = lastHeader;
    if (header == null || header.token() != token) {
      header = new BearerHeader(token, Secret.of("Bearer " + token.token().reveal()));
      lastHeader = header;
    }
    return request.newBuilder().header("Authorization", header.value().reveal()).build();
  }

  /**
   * The header of the cached token, built once per token rather than per call (an Entra token is
   * 1–2 KB); a {@link Secret} like the token.
   */
  private record BearerHeader(AccessToken token, Secret value) {}
}
