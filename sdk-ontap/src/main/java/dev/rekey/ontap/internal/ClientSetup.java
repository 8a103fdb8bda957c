package dev.rekey.ontap.internal;

import dev.rekey.core.ClientCertificate;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.TlsOptions;
import dev.rekey.core.ValidationException;
import dev.rekey.core.auth.Authentication;
import dev.rekey.core.internal.validate.Check;
import dev.rekey.core.internal.validate.CredentialUrls;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * What an ONTAP client is built from: the effective options (TLS, endpoint, calls per host), the
 * base URL, the login and the client's own account when it logs in with basic credentials.
 *
 * @param options the effective options
 * @param base the management address
 * @param authentication how every call logs in
 * @param own the account the client logs in with, when basic
 */
public record ClientSetup(
    ClientOptions options, HttpUrl base, Authentication authentication, @Nullable OwnAccount own) {

  /**
   * Returns the options of the connections that check a login, when they must not be the client's:
   * a login check sends another account's basic credentials, and over a connection presenting the
   * client's certificate ONTAP might authenticate the certificate's account instead (every check
   * would pass). Empty when the client presents no certificate.
   */
  public Optional<ClientOptions> loginCheckOptions() {
    if (options.tls().clientCertificate().isEmpty()) {
      return Optional.empty();
    }
    TlsOptions noCertificate =
        TlsOptions.builder().from(options.tls()).clientCertificate(Optional.empty()).build();
    return Optional.of(ClientOptions.builder().from(options).tls(noCertificate).build());
  }

  /**
   * What the builder has been told; unset values are null (not set is not the same as a default).
   */
  public static final class Settings {
    /** The management address, unless the options give it. */
    public @Nullable URI endpoint;

    /** The options the user gave; null for the defaults, read at build time. */
    public @Nullable ClientOptions options;

    /** The login. */
    public @Nullable Authentication auth;

    /** The account of a basic login. */
    public @Nullable OwnAccount own;

    /** The client certificate of a mutual TLS login. */
    public @Nullable ClientCertificate certificate;

    /** Trusted PEM certificates. */
    public @Nullable String trustedPem;

    /** Pinned SHA-256 fingerprints. */
    public final List<String> pins = new ArrayList<>();

    /** Whether every certificate is trusted. */
    public boolean insecure;

    /** The builder's cap on calls in flight, if set. */
    public @Nullable Integer maxRequestsPerHost;
  }

  /**
   * Returns the setup of {@code s}; calls in flight are capped by the builder's value, else the
   * options' value when set (even if it equals core's default), else {@code defaultPerHost}.
   *
   * @throws ValidationException if the endpoint is missing or not https, no login is set, or a TLS
   *     option is invalid
   */
  public static ClientSetup resolve(Settings s, int defaultPerHost) {
    ClientOptions options = s.options != null ? s.options : ClientOptions.defaults();
    URI uri = s.endpoint != null ? s.endpoint : options.endpoint().orElse(null);
    if (uri == null) {
      throw new ValidationException(
          "endpoint", "null", "must be set to the cluster or SVM management address");
    }
    HttpUrl base = HttpUrl.parse(uri.toString());
    if (base == null || !base.isHttps() || !CredentialUrls.mayCarryCredentials(base)) {
      throw new ValidationException(
          "endpoint",
          Check.quote(CredentialUrls.shown(uri)),
          "must be an https URI without a user name or password");
    }
    TlsOptions.Builder tls = TlsOptions.builder().from(options.tls());
    if (s.trustedPem != null) {
      tls.trustedCertificatesPem(s.trustedPem);
    }
    tls.addAllPinnedCertificateSha256(s.pins);
    if (s.insecure) {
      tls.insecureTrustAllCertificates(true);
    }
    if (s.certificate != null) {
      tls.clientCertificate(s.certificate);
    }
    TlsOptions finalTls = tls.build();
    Authentication login = s.auth;
    if (login == null) {
      if (finalTls.clientCertificate().isEmpty()) {
        throw new ValidationException(
            "authentication",
            "null",
            "must be set: basic(user, password), bearer(tokens) or clientCertificate(..)");
      }
      login = Authentication.none();
    }
    int perHost =
        s.maxRequestsPerHost != null
            ? s.maxRequestsPerHost
            : options.maxRequestsPerHost().orElse(defaultPerHost);
    ClientOptions effective =
        ClientOptions.builder()
            .from(options)
            .endpoint(uri)
            .tls(finalTls)
            .maxRequestsPerHost(perHost)
            .build();
    return new ClientSetup(effective, base, login, s.own);
  }
}
