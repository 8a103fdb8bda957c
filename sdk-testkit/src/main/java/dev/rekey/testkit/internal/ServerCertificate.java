package dev.rekey.testkit.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.net.ssl.SSLSocketFactory;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * A self-signed server certificate for {@code localhost} and {@code 127.0.0.1}, made at run time.
 */
public final class ServerCertificate {
  private final HeldCertificate held =
      new HeldCertificate.Builder()
          .commonName("rekey-emulator")
          .addSubjectAlternativeName("localhost")
          .addSubjectAlternativeName("127.0.0.1")
          .build();

  /** Returns the certificate in PEM, for a client to trust. */
  public String pem() {
    return held.certificatePem();
  }

  /** Returns the certificate's SHA-256 fingerprint in lower-case hex, for a client to pin. */
  public String sha256() {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(held.certificate().getEncoded()));
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("cannot fingerprint the emulator certificate", e);
    }
  }

  /**
   * Returns a socket factory serving this certificate and trusting {@code clients} for mutual TLS.
   */
  public SSLSocketFactory socketFactory(X509Certificate... clients) {
    HandshakeCertificates.Builder b = new HandshakeCertificates.Builder().heldCertificate(held);
    for (X509Certificate client : clients) {
      b.addTrustedCertificate(client);
    }
    return b.build().sslSocketFactory();
  }
}
