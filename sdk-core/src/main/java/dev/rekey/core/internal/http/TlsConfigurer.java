package dev.rekey.core.internal.http;

import dev.rekey.core.ClientCertificate;
import dev.rekey.core.TlsOptions;
import dev.rekey.core.ValidationException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@link TlsOptions} to an OkHttp client: trust, pinning, client certificate, insecure
 * mode.
 */
final class TlsConfigurer {
  private TlsConfigurer() {}

  static void apply(OkHttpClient.Builder builder, TlsOptions tls) {
    boolean customTrust =
        tls.insecureTrustAllCertificates()
            || !tls.pinnedCertificateSha256().isEmpty()
            || tls.trustedCertificatesPem().isPresent()
            || tls.trustStore().isPresent();
    if (!customTrust && tls.clientCertificate().isEmpty()) {
      return;
    }
    X509TrustManager trust = trustManager(tls);
    KeyManager @Nullable [] keys =
        tls.clientCertificate().map(TlsConfigurer::keyManagers).orElse(null);
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, new TrustManager[] {trust}, null);
      builder.sslSocketFactory(context.getSocketFactory(), trust);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JVM offers no TLS context", e);
    }
    if (tls.insecureTrustAllCertificates()) {
      // Looked up here, not in a static field: the common path (no custom TLS) never starts SLF4J.
      Logger log = LoggerFactory.getLogger("dev.rekey.tls");
      log.warn(
          "TLS verification is OFF for this client (insecureTrustAllCertificates): any server can"
              + " impersonate the service and read the credentials it is sent. Trust a PEM CA or pin"
              + " the certificate instead.");
      builder.hostnameVerifier((host, session) -> true);
    } else if (!tls.pinnedCertificateSha256().isEmpty()) {
      // The pin names the one certificate we accept, so it identifies the host; clusters are often
      // reached by IP address with certificates that do not name it.
      builder.hostnameVerifier((host, session) -> leafMatches(session, pins(tls)));
    }
  }

  private static X509TrustManager trustManager(TlsOptions tls) {
    if (tls.insecureTrustAllCertificates()) {
      return new TrustAll();
    }
    if (!tls.pinnedCertificateSha256().isEmpty()) {
      return new PinnedTrust(pins(tls));
    }
    Optional<KeyStore> store =
        tls.trustStore()
            .or(
                () ->
                    tls.trustedCertificatesPem()
                        .map(
                            pem ->
                                storeOf(
                                    PemReader.certificates("tls.trustedCertificatesPem", pem))));
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store.orElse(null));
      for (TrustManager m : factory.getTrustManagers()) {
        if (m instanceof X509TrustManager x) {
          return x;
        }
      }
      throw new IllegalStateException("no X509TrustManager in the JVM");
    } catch (GeneralSecurityException e) {
      throw new ValidationException(
          "tls.trustStore", "(key store)", "must be a readable trust store");
    }
  }

  private static KeyStore storeOf(List<X509Certificate> certificates) {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      for (int i = 0; i < certificates.size(); i++) {
        store.setCertificateEntry("trusted-" + i, certificates.get(i));
      }
      return store;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot build an in-memory trust store", e);
    }
  }

  private static KeyManager[] keyManagers(ClientCertificate certificate) {
    try {
      KeyManagerFactory factory =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(certificate.keyStore(), certificate.keyPassword().reveal().toCharArray());
      return factory.getKeyManagers();
    } catch (GeneralSecurityException e) {
      throw new ValidationException(
          "tls.clientCertificate", "(certificate)", "must hold a private key its password opens");
    }
  }

  private static Set<String> pins(TlsOptions tls) {
    return tls.pinnedCertificateSha256().stream()
        .map(p -> p.replace(":", "").toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
  }

  static String fingerprint(X509Certificate certificate) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot hash a certificate", e);
    }
  }

  /** Returns 64 hex digits as {@code openssl x509 -fingerprint -sha256} prints them: AB:CD:... */
  static String opensslForm(String hex) {
    return HexFormat.ofDelimiter(":").withUpperCase().formatHex(HexFormat.of().parseHex(hex));
  }

  private static boolean leafMatches(SSLSession session, Set<String> pins) {
    try {
      return session.getPeerCertificates().length > 0
          && session.getPeerCertificates()[0] instanceof X509Certificate leaf
          && pins.contains(fingerprint(leaf));
    } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
      return false;
    }
  }

  /** Trusts exactly the server certificates whose SHA-256 fingerprint is pinned. */
  private static final class PinnedTrust implements X509TrustManager {
    private final Set<String> pins;

    PinnedTrust(Set<String> pins) {
      this.pins = pins;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      if (chain.length == 0 || !pins.contains(fingerprint(chain[0]))) {
        // Shown as openssl prints it, so it can be compared with (or pasted as) a pin.
        throw new TlsFailure.NotPinnedException(
            "server certificate SHA-256 "
                + (chain.length == 0 ? "(none)" : opensslForm(fingerprint(chain[0])))
                + " is not pinned");
      }
      chain[0].checkValidity();
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("a client does not check client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }

  /** Trusts everything: only behind the explicit, logged insecure opt-in. */
  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("a client does not check client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
