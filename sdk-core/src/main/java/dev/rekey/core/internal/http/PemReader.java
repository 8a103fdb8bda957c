package dev.rekey.core.internal.http;

import dev.rekey.core.Secret;
import dev.rekey.core.ValidationException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads PEM certificates and PKCS#8 private keys with the JDK alone. */
public final class PemReader {
  private static final Pattern PRIVATE_KEY =
      Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

  private PemReader() {}

  /**
   * Returns the X.509 certificates in {@code pem}, in order.
   *
   * @throws ValidationException if {@code pem} holds no readable certificate
   */
  public static List<X509Certificate> certificates(String field, String pem) {
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      List<X509Certificate> out = new ArrayList<>();
      for (Certificate c :
          factory.generateCertificates(
              new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
        out.add((X509Certificate) c);
      }
      if (!out.isEmpty()) {
        return out;
      }
    } catch (CertificateException e) {
      // fall through to the one clear message below
    }
    throw new ValidationException(
        field, "(PEM text)", "must hold at least one PEM X.509 certificate");
  }

  /**
   * Returns a key store with one entry: the private key in {@code keyPem} and the chain in {@code
   * chainPem}, protected by {@code password}.
   *
   * @throws ValidationException if the key is not unencrypted PKCS#8 RSA or EC, or no certificate
   *     is readable
   */
  public static KeyStore keyStore(String chainPem, String keyPem, Secret password) {
    List<X509Certificate> chain = certificates("clientCertificate.chain", chainPem);
    PrivateKey key = privateKey(keyPem);
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(
          "client", key, password.reveal().toCharArray(), chain.toArray(new Certificate[0]));
      return store;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new ValidationException(
          "clientCertificate.privateKey",
          "(PEM text)",
          "must match the first certificate of the chain");
    }
  }

  private static PrivateKey privateKey(String keyPem) {
    Matcher m = PRIVATE_KEY.matcher(keyPem);
    if (m.find()) {
      byte[] der = Base64.getMimeDecoder().decode(m.group(1));
      for (String algorithm : new String[] {"RSA", "EC"}) {
        try {
          return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
          // try the next algorithm
        }
      }
    }
    throw new ValidationException(
        "clientCertificate.privateKey",
        "(PEM text)",
        "must be an unencrypted PKCS#8 RSA or EC key (BEGIN PRIVATE KEY); convert others with"
            + " 'openssl pkcs8 -topk8 -nocrypt'");
  }
}
