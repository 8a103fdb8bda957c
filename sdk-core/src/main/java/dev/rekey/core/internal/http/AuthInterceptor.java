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
 * Adds credentials to every request: a cached bearer token (sent once more with a fresh token when
 * the service answers 401, which means it did not act on the call) or HTTP basic credentials.
 */
final class AuthInterceptor implements Interceptor {
  private final @Nullable CachingTokenSource tokens;
  private final @Nullable Supplier<String> basicHeader;
  private final @Nullable String fixedBasicHeader;
  private volatile @Nullable BearerHeader lastHeader;

  private AuthInterceptor(
      @Nullable CachingTokenSource tokens,
      @Nullable Supplier<String> basicHeader,
      @Nullable String fixedBasicHeader) {
    this.tokens = tokens;
    this.basicHeader = basicHeader;
    this.fixedBasicHeader = fixedBasicHeader;
  }

  /** Returns the interceptor for {@code auth}, or null when it adds nothing at the HTTP level. */
  static @Nullable AuthInterceptor of(Authentication auth, TimeSource time) {
    if (auth instanceof Authentication.Bearer bearer) {
      return new AuthInterceptor(
          new CachingTokenSource(bearer.source(), bearer.refreshMargin(), time), null, null);
    }
    if (auth instanceof Authentication.Basic basic) {
      String header =
          Credentials.basic(basic.username(), basic.password().reveal(), StandardCharsets.UTF_8);
      return new AuthInterceptor(null, () -> header, header);
    }
    if (auth instanceof Authentication.ChangingBasic basic) {
      return new AuthInterceptor(
          null,
          () ->
              Credentials.basic(
                  basic.username(), basic.password().get().reveal(), StandardCharsets.UTF_8),
          null);
    }
    return null;
  }

  /**
   * Returns the Authorization value of the token in use or of fixed basic credentials, or null
   * before the first call and for changing credentials (read once per call, in {@link #intercept}):
   * {@link HttpPipeline} sets it when it builds a request, so this interceptor passes the request
   * on as it is instead of copying it to add the header (a copy of its headers per call). It only
   * saves the copy: {@link #intercept} still checks the value against the current token and signs
   * again if it changed.
   */
  @Nullable String presigned() {
    if (tokens == null) {
      return fixedBasicHeader;
    }
    BearerHeader header = lastHeader;
    return header == null ? null : header.value().reveal();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (tokens == null) {
      return chain.proceed(signed(request, basicHeader.get()));
    }
    AccessToken token = token(tokens::token);
    Response response = chain.proceed(signed(request, bearer(token)));
    if (response.code() != 401) {
      return response;
    }
    response.close();
    return chain.proceed(signed(request, bearer(token(() -> tokens.replace(token)))));
  }

  private static AccessToken token(java.util.function.Supplier<AccessToken> source)
      throws TokenUnavailableException {
    try {
      return source.get();
    } catch (dev.rekey.core.RekeyException e) {
      throw new TokenUnavailableException(e);
    }
  }

  private String bearer(AccessToken token) throws TokenUnavailableException {
    BearerHeader header = lastHeader;
    if (header == null || header.token() != token) {
      if (!isHeaderText(token.token().reveal())) {
        throw new TokenUnavailableException(
            new dev.rekey.core.RekeyException(
                "the token source gave a token that cannot be sent in a header (it holds a line"
                    + " break, another control character or a non-ASCII character)"));
      }
      header = new BearerHeader(token, Secret.of("Bearer " + token.token().reveal()));
      lastHeader = header;
    }
    return header.value().reveal();
  }

  /** Whether {@code value} may be sent in a header: visible ASCII and spaces only. */
  private static boolean isHeaderText(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return !value.isEmpty();
  }

  private static Request signed(Request request, String authorization) {
    return authorization.equals(request.header("Authorization"))
        ? request
        : request.newBuilder().header("Authorization", authorization).build();
  }

  /**
   * The header of the cached token, built once per token rather than per call (an Entra token is
   * 1–2 KB); a {@link Secret} like the token.
   */
  private record BearerHeader(AccessToken token, Secret value) {}
}
