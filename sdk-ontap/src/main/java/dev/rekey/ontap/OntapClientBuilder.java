package dev.rekey.ontap;

import dev.rekey.core.ClientCertificate;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.Secret;
import dev.rekey.core.TlsOptions;
import dev.rekey.core.ValidationException;
import dev.rekey.core.auth.Authentication;
import dev.rekey.core.auth.TokenSource;
import dev.rekey.core.internal.validate.Check;
import dev.rekey.ontap.internal.OwnAccount;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Builds an {@link OntapClient}: the cluster's or SVM's management address, one way to log in (basic,
 * bearer token or client certificate), and TLS trust. Certificates are verified by default; trust the
 * cluster's self-signed certificate with {@link #trustCertificatePem(String)} or pin it with {@link
 * #pinCertificateSha256(String)}.
 */
public final class OntapClientBuilder {
  /** ONTAP refuses connections when its REST queue is full, so few calls run at once by default. */
  public static final int DEFAULT_MAX_REQUESTS_PER_HOST = 8;

  private @Nullable URI endpoint;
  private ClientOptions options = ClientOptions.defaults();
  private @Nullable Authentication auth;
  private @Nullable OwnAccount own;
  private @Nullable ClientCertificate certificate;
  private @Nullable String trustedPem;
  private final List<String> pins = new ArrayList<>();
  private boolean insecure;
  private @Nullable Integer maxRequestsPerHost;

  OntapClientBuilder() {}

  /** Sets the management address, e.g. {@code https://cluster1.example.com}; https only. */
  public OntapClientBuilder endpoint(URI endpoint) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint == null");
    return this;
  }

  /** Logs in with HTTP basic credentials; {@link OntapClient#changeOwnPassword} then works too. */
  public OntapClientBuilder basic(String user, Secret password) {
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(password, "password == null");
    OwnAccount account = new OwnAccount(user, password);
    this.own = account;
    this.auth = Authentication.basic(user, account::password);
    return this;
  }

  /** Logs in with OAuth 2 bearer tokens from {@code tokens} (ONTAP 9.14 and later). */
  public OntapClientBuilder bearer(TokenSource tokens) {
    this.auth = Authentication.bearer(Objects.requireNonNull(tokens, "tokens == null"));
    this.own = null;
    return this;
  }

  /** Logs in with a client certificate (mutual TLS) whose common name names the ONTAP account. */
  public OntapClientBuilder clientCertificate(ClientCertificate certificate) {
    this.certificate = Objects.requireNonNull(certificate, "certificate == null");
    this.auth = Authentication.none();
    this.own = null;
    return this;
  }

  /** Sets timeouts, retry, polling, proxy, TLS and logging; its TLS options are the starting point. */
  public OntapClientBuilder options(ClientOptions options) {
    this.options = Objects.requireNonNull(options, "options == null");
    return this;
  }

  /** Trusts the PEM certificate(s) given (the cluster's self-signed certificate or its CA) instead of the JDK's. */
  public OntapClientBuilder trustCertificatePem(String pem) {
    this.trustedPem = Objects.requireNonNull(pem, "pem == null");
    return this;
  }

  /** Accepts only a server certificate with this SHA-256 fingerprint (hex, colons allowed). */
  public OntapClientBuilder pinCertificateSha256(String fingerprint) {
    pins.add(Objects.requireNonNull(fingerprint, "fingerprint == null"));
    return this;
  }

  /** Trusts any server certificate and host name. Unsafe: every build logs a warning. */
  public OntapClientBuilder insecureTrustAllCertificates() {
    this.insecure = true;
    return this;
  }

  /** Caps calls in flight to the cluster (default {@value #DEFAULT_MAX_REQUESTS_PER_HOST}). */
  public OntapClientBuilder maxRequestsPerHost(int max) {
    this.maxRequestsPerHost = Check.atLeast("maxRequestsPerHost", max, 1);
    return this;
  }

  /**
   * Returns the client.
   *
   * @throws ValidationException if the endpoint is missing or not https, no login is set, or a TLS
   *     option is invalid
   */
  public OntapClient build() {
    URI uri = endpoint != null ? endpoint : options.endpoint().orElse(null);
    if (uri == null) {
      throw new ValidationException("endpoint", "null", "must be set to the cluster or SVM management address");
    }
    HttpUrl base = HttpUrl.parse(uri.toString());
    if (base == null || !base.isHttps()) {
      throw new ValidationException("endpoint", Check.quote(uri.toString()), "must be an https URI");
    }
    TlsOptions.Builder tls = TlsOptions.builder().from(options.tls());
    if (trustedPem != null) {
      tls.trustedCertificatesPem(trustedPem);
    }
    tls.addAllPinnedCertificateSha256(pins);
    if (insecure) {
      tls.insecureTrustAllCertificates(true);
    }
    if (certificate != null) {
      tls.clientCertificate(certificate);
    }
    TlsOptions finalTls = tls.build();
    Authentication login = auth;
    if (login == null) {
      if (finalTls.clientCertificate().isEmpty()) {
        throw new ValidationException(
            "authentication", "null", "must be set: basic(user, password), bearer(tokens) or clientCertificate(..)");
      }
      login = Authentication.none();
    }
    ClientOptions effective =
        ClientOptions.builder().from(options).endpoint(uri).tls(finalTls).maxRequestsPerHost(requestsPerHost()).build();
    return new OntapClient(effective, base, login, own);
  }

  /** The builder's cap, else the options' when changed from core's default, else ONTAP's 8. */
  private int requestsPerHost() {
    if (maxRequestsPerHost != null) {
      return maxRequestsPerHost;
    }
    int fromOptions = options.maxRequestsPerHost();
    return fromOptions != ClientOptions.defaults().maxRequestsPerHost() ? fromOptions : DEFAULT_MAX_REQUESTS_PER_HOST;
  }
}
