package dev.rekey.core.internal.http;

import java.io.IOException;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Follows redirects in place of OkHttp, whose own following is off: only to the same origin
 * (scheme, host and port), so a bearer token, basic credentials or a client certificate never reach
 * another host; a read (GET, HEAD) on any redirect status; any other method only on 307/308, which
 * keep the method and body. A rotation answered 301/302/303 would be re-sent as a GET without its
 * body (and its answer taken for the new credentials), so it is not sent on: the call ends with a
 * {@link RefusedRedirect}, as does a redirect to another origin, one without {@code Location}, or
 * more than {@value #MAX_HOPS} in a row. It runs outside the auth interceptor, so each hop is
 * authenticated afresh for its (same) origin.
 */
final class RedirectInterceptor implements Interceptor {
  static final int MAX_HOPS = 5;
  private static final Set<Integer> REDIRECTS = Set.of(300, 301, 302, 303, 307, 308);

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Response response = chain.proceed(request);
    for (int hops = 0; REDIRECTS.contains(response.code()); hops++) {
      int status = response.code();
      HttpUrl from = response.request().url();
      String location = response.header("Location");
      @Nullable HttpUrl to = location == null ? null : from.resolve(location);
      response.close();
      String refusal = refusal(request.method(), status, from, to, hops);
      if (refusal != null) {
        throw new RefusedRedirect(status, refusal);
      }
      request = request.newBuilder().url(to).build();
      response = chain.proceed(request);
    }
    return response;
  }

  /** Returns why the redirect is not followed, or null when it is. */
  private static @Nullable String refusal(
      String method, int status, HttpUrl from, @Nullable HttpUrl to, int hops) {
    String what =
        "the service redirected " + method + " " + from.encodedPath() + " (HTTP " + status + ")";
    if (to == null) {
      return what + " without a usable Location; the request was not sent on";
    }
    if (!Origins.same(from, to)) {
      return what
          + " to another origin ("
          + Origins.of(to)
          + "); Rekey does not follow redirects across"
          + " origins, so no credential leaves "
          + Origins.of(from)
          + ", and the request was not sent on";
    }
    boolean read = method.equals("GET") || method.equals("HEAD");
    if (!read && status != 307 && status != 308) {
      return what
          + "; following it would re-send the call as a GET without its body, so it was not"
          + " sent on and this answer applied nothing Rekey can read (only 307/308 keep a "
          + method
          + ")";
    }
    if (hops >= MAX_HOPS) {
      return what + " more than " + MAX_HOPS + " times in a row; the request was not sent on";
    }
    return null;
  }

  /** A redirect the client will not follow; the call ends with the redirect's status. */
  static final class RefusedRedirect extends RefusedAnswer {
    private static final long serialVersionUID = 1L;

    RefusedRedirect(int status, String message) {
      super(status, message);
    }
  }
}
