package dev.rekey.core.internal.http;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.jspecify.annotations.Nullable;

/**
 * The TLS failures whose result cannot change on a second attempt, each with what failed and the
 * option that fixes it: a server certificate that is not trusted, names another host, or is not the
 * pinned one, and a server that refused the handshake over the client certificate.
 *
 * <p>When request bytes can have been written: with TLS 1.2 a server's alert arrives inside the
 * handshake, before OkHttp starts the request ({@code requestHeadersStart}). With TLS 1.3 the
 * client finishes its side of the handshake first and writes the request while the server is still
 * checking the client's certificate; the server's alert then arrives while the response is read. A
 * TLS 1.3 server processes no application data before it accepts the client's {@code Finished}, so
 * such an alert on a connection whose handshake ran in this call still proves the request was not
 * processed.
 */
enum TlsFailure {
  UNTRUSTED(
      "the server's certificate is not trusted",
      "trust its CA or self-signed certificate with trustCertificatePem (TlsOptions.trustedCertificatesPem)"
          + " or a trust store, or pin it with pinCertificateSha256 (TlsOptions.addPinnedCertificateSha256)"),
  WRONG_HOST(
      "the server's certificate does not name the host called",
      "call a host name the certificate names, or pin the certificate with pinCertificateSha256"
          + " (TlsOptions.addPinnedCertificateSha256), which accepts it whatever it names"),
  NOT_PINNED(
      "the server's certificate is not the pinned one",
      "if that certificate is the service's, pin its SHA-256 with pinCertificateSha256"
          + " (TlsOptions.addPinnedCertificateSha256)"),
  CLIENT_CERTIFICATE_REFUSED(
      "the server refused the TLS handshake over the client certificate",
      "give a certificate the server trusts with clientCertificate (TlsOptions.clientCertificate)");

  /** Server alerts that refuse the client's certificate (RFC 8446 section 6.2). */
  private static final Set<String> CERTIFICATE_ALERTS =
      Set.of(
          "bad_certificate",
          "certificate_required",
          "unknown_ca",
          "unsupported_certificate",
          "certificate_revoked",
          "certificate_expired",
          "certificate_unknown",
          "access_denied");

  private final String what;
  private final String fix;

  TlsFailure(String what, String fix) {
    this.what = what;
    this.fix = fix;
  }

  /** Returns what failed, for a message. */
  String what() {
    return what;
  }

  /** Returns the options that fix it, for a message. */
  String fix() {
    return fix;
  }

  /** Returns the deterministic TLS failure {@code error} is, or null when it is none of them. */
  static @Nullable TlsFailure of(IOException error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof NotPinnedException) {
        return NOT_PINNED;
      }
    }
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof CertificateException) {
        return UNTRUSTED;
      }
    }
    if (error instanceof SSLPeerUnverifiedException
        && String.valueOf(error.getMessage()).startsWith("Hostname ")) {
      return WRONG_HOST;
    }
    return serverRefusedCertificate(error) ? CLIENT_CERTIFICATE_REFUSED : null;
  }

  /** Returns whether {@code error} is a server's alert refusing the client's certificate. */
  static boolean serverRefusedCertificate(IOException error) {
    if (!(error instanceof SSLException) || error.getMessage() == null) {
      return false;
    }
    // JDK 17: "Received fatal alert: certificate_required"; JDK 25 adds "(certificate_required) "
    // first.
    String message = error.getMessage().toLowerCase(Locale.ROOT);
    String marker = "received fatal alert: ";
    int at = message.indexOf(marker);
    return at >= 0 && CERTIFICATE_ALERTS.contains(message.substring(at + marker.length()).trim());
  }

  /**
   * The server certificate's fingerprint is not among the pins; thrown by the pinning trust
   * manager.
   */
  static final class NotPinnedException extends CertificateException {
    private static final long serialVersionUID = 1L;

    NotPinnedException(String message) {
      super(message);
    }
  }
}
