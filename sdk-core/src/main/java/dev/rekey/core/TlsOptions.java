package dev.rekey.core;

import dev.rekey.core.internal.RekeyStyle;
import dev.rekey.core.internal.validate.Check;
import java.security.KeyStore;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How a client checks the server's certificate and which certificate it presents itself.
 *
 * <p>By default the JDK's trusted CAs verify the server and the host name must match. You may
 * instead trust PEM certificates ({@link #trustedCertificatesPem()}) or a key store, pin the server
 * certificate by its SHA-256 fingerprint (what {@code openssl x509 -noout -fingerprint -sha256}
 * prints; a pinned certificate is trusted even when self-signed, and no other is), present a client
 * certificate for mutual TLS, or - only when you must - trust every certificate, which logs a
 * warning each time a client is built.
 */
@Value.Immutable
@RekeyStyle
public abstract class TlsOptions {
  TlsOptions() {} // only the generated implementation extends it: none skips its checks

  /** Returns the defaults: JDK trust store, host name verification, no client certificate. */
  public static TlsOptions defaults() {
    return builder().build();
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns PEM text holding the CA or self-signed certificates to trust instead of the JDK's. */
  public abstract Optional<String> trustedCertificatesPem();

  /** Returns a key store whose certificates to trust instead of the JDK's. */
  public abstract Optional<KeyStore> trustStore();

  /**
   * Returns SHA-256 fingerprints of the server certificates to accept, in hex with or without
   * colons. When any is given, the server's certificate must be one of them.
   */
  public abstract List<String> pinnedCertificateSha256();

  /** Returns the certificate to present for mutual TLS, if any. */
  public abstract Optional<ClientCertificate> clientCertificate();

  /** Returns whether every server certificate is trusted and host names are not checked. Unsafe. */
  @Value.Default
  public boolean insecureTrustAllCertificates() {
    return false;
  }

  @Value.Check
  void check() {
    if (trustedCertificatesPem().isPresent() && trustStore().isPresent()) {
      throw new ValidationException(
          "tls.trustStore", "(set)", "must not be set together with trustedCertificatesPem");
    }
    for (String pin : pinnedCertificateSha256()) {
      String hex = pin.replace(":", "");
      if (!hex.matches("[0-9a-fA-F]{64}")) {
        throw new ValidationException(
            "tls.pinnedCertificateSha256",
            Check.quote(pin),
            "must be 64 hex digits (a SHA-256 fingerprint), colons allowed");
      }
    }
  }

  /** Builds {@link TlsOptions}; {@code build()} throws {@link ValidationException} on a bad pin. */
  public static final class Builder extends ImmutableTlsOptions.Builder {}
}
