package dev.rekey.core.internal.http;

import dev.rekey.core.ProxyOptions;
import dev.rekey.core.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import okhttp3.Authenticator;
import okhttp3.Challenge;
import okhttp3.Credentials;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;
import org.jspecify.annotations.Nullable;

/**
 * Answers a proxy's {@code 407} with basic credentials once, and only when that proxy asked for
 * {@code Basic}: never pre-emptively, never to a proxy asking for another scheme (it would get the
 * password in clear), never twice.
 *
 * <p>OkHttp asks for pre-emptive {@code CONNECT} credentials by calling the authenticator with a
 * made-up 407 whose challenge scheme is {@code OkHttp-Preemptive}; that gets no credentials. A
 * {@code CONNECT} 407 this authenticator will not answer would end in OkHttp's bare {@code
 * IOException}, which reads as a connection failure and is retried; it is thrown as a {@link
 * ProxyRefusedException} instead, which ends the call like the 407 of a plain request.
 */
final class ProxyAuthenticator implements Authenticator {
  private static final String PREEMPTIVE = "OkHttp-Preemptive";

  private final @Nullable Secret header;

  private ProxyAuthenticator(@Nullable Secret header) {
    this.header = header;
  }

  /** Returns the authenticator for {@code proxy}; without a user name it answers no challenge. */
  static ProxyAuthenticator of(ProxyOptions proxy) {
    return new ProxyAuthenticator(
        proxy
            .username()
            .map(
                user ->
                    Secret.of(
                        Credentials.basic(
                            user,
                            proxy.password().map(Secret::reveal).orElse(""),
                            StandardCharsets.UTF_8)))
            .orElse(null));
  }

  @Override
  public @Nullable Request authenticate(@Nullable Route route, Response response)
      throws IOException {
    if (response.challenges().stream().anyMatch(c -> c.scheme().equalsIgnoreCase(PREEMPTIVE))) {
      return null; // OkHttp's pre-emptive probe: send CONNECT without credentials
    }
    boolean alreadySent = response.request().header("Proxy-Authorization") != null;
    if (header != null && !alreadySent && asksForBasic(response)) {
      return response.request().newBuilder().header("Proxy-Authorization", header.reveal()).build();
    }
    if ("CONNECT".equals(response.request().method())) {
      throw new ProxyRefusedException(
          response.code(),
          alreadySent
              ? "after the proxy credentials were sent once (ProxyOptions.username/password)"
              : header == null
                  ? "and no proxy credentials are set (ProxyOptions.username/password)"
                  : "asking for "
                      + schemes(response)
                      + "; only Basic is answered, and only when asked");
    }
    return null; // a plain request's 407 reaches the pipeline as the proxy's answer
  }

  /** The schemes of {@code response}'s challenges, for messages; never their parameters. */
  private static String schemes(Response response) {
    String s =
        response.challenges().stream().map(Challenge::scheme).collect(Collectors.joining(", "));
    return s.isEmpty() ? "none" : s;
  }

  private static boolean asksForBasic(Response response) {
    return response.challenges().stream().anyMatch(c -> c.scheme().equalsIgnoreCase("Basic"));
  }
}
