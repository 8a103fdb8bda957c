package dev.rekey.core.test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import okhttp3.tls.HeldCertificate;

/**
 * Makes certificates at test time (CAs, servers for {@code localhost}, clients) with OkHttp's
 * {@link HeldCertificate}, and writes them as PKCS#12 key and trust stores or PEM text, so TLS
 * tests need no checked-in key material and never expire.
 *
 * <pre>{@code
 * HeldCertificate ca = TestCertificates.ca("Test CA");
 * HeldCertificate server = TestCertificates.localhostSignedBy(ca);
 * Path keyStore = TestCertificates.writePkcs12(dir.resolve("server.p12"), "changeit", server, ca);
 * }</pre>
 */
public final class TestCertificates {
  /** The host names and addresses a {@code localhost} server certificate names. */
  public static final String[] LOCALHOST_NAMES = {"localhost", "127.0.0.1"};

  private TestCertificates() {}

  /** Returns a new certificate authority (may sign end-entity certificates, not other CAs). */
  public static HeldCertificate ca(String commonName) {
    return new HeldCertificate.Builder().commonName(commonName).certificateAuthority(0).build();
  }

  /**
   * Returns a new self-signed (CA-less) server certificate naming {@code localhost} and {@code
   * 127.0.0.1}.
   */
  public static HeldCertificate selfSignedLocalhost() {
    return server(null, LOCALHOST_NAMES);
  }

  /**
   * Returns a new server certificate for {@code localhost} and {@code 127.0.0.1} signed by {@code
   * ca}.
   */
  public static HeldCertificate localhostSignedBy(HeldCertificate ca) {
    return server(ca, LOCALHOST_NAMES);
  }

  /**
   * Returns a new server certificate whose common name is the first of {@code names} and whose
   * subject alternative names are all of them; signed by {@code ca}, or self-signed when it is
   * null.
   */
  public static HeldCertificate server(HeldCertificate ca, String... names) {
    if (names.length == 0) {
      throw new IllegalArgumentException("a server certificate needs at least one name");
    }
    HeldCertificate.Builder b = new HeldCertificate.Builder().commonName(names[0]);
    for (String name : names) {
      b.addSubjectAlternativeName(name);
    }
    if (ca != null) {
      b.signedBy(ca);
    }
    return b.build();
  }

  /** Returns a new client certificate named {@code commonName}, signed by {@code ca}. */
  public static HeldCertificate client(HeldCertificate ca, String commonName) {
    return new HeldCertificate.Builder().commonName(commonName).signedBy(ca).build();
  }

  /**
   * Returns a new RSA client certificate named {@code commonName}, signed by {@code ca} or
   * self-signed when it is null; for tests that need RSA keys (PKCS#1 PEM, RSA PKCS#8). Other
   * certificates here use faster EC P-256 keys.
   */
  public static HeldCertificate rsaClient(HeldCertificate ca, String commonName) {
    HeldCertificate.Builder b = new HeldCertificate.Builder().commonName(commonName).rsa2048();
    if (ca != null) {
      b.signedBy(ca);
    }
    return b.build();
  }

  /**
   * Writes {@code held}'s private key and certificate, followed by {@code chain}, as a PKCS#12 key
   * store whose store and key password are both {@code password}.
   *
   * @return {@code file}
   */
  public static Path writePkcs12(
      Path file, String password, HeldCertificate held, HeldCertificate... chain) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      List<Certificate> certificates = new ArrayList<>();
      certificates.add(held.certificate());
      for (HeldCertificate c : chain) {
        certificates.add(c.certificate());
      }
      store.setKeyEntry(
          "key",
          held.keyPair().getPrivate(),
          password.toCharArray(),
          certificates.toArray(new Certificate[0]));
      return write(store, file, password);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot write PKCS#12 key store " + file, e);
    }
  }

  /** Returns an in-memory PKCS#12 trust store holding {@code trusted} as certificate entries. */
  public static KeyStore trustStore(X509Certificate... trusted) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      for (int i = 0; i < trusted.length; i++) {
        store.setCertificateEntry("trusted-" + i, trusted[i]);
      }
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build a trust store", e);
    }
  }

  /**
   * Writes {@link #trustStore(X509Certificate...)} of {@code trusted} to {@code file}, protected by
   * {@code password}.
   *
   * @return {@code file}
   */
  public static Path writeTrustStore(Path file, String password, X509Certificate... trusted) {
    try {
      return write(trustStore(trusted), file, password);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot write trust store " + file, e);
    }
  }

  /**
   * Returns the certificate's SHA-256 fingerprint as OpenSSL prints it: uppercase hex pairs joined
   * by colons.
   */
  public static String sha256WithColons(X509Certificate certificate) {
    return HexFormat.ofDelimiter(":").withUpperCase().formatHex(sha256(certificate));
  }

  /** Returns the certificate's SHA-256 fingerprint as 64 lowercase hex digits. */
  public static String sha256Hex(X509Certificate certificate) {
    return HexFormat.of().formatHex(sha256(certificate)).toLowerCase(Locale.ROOT);
  }

  private static byte[] sha256(X509Certificate certificate) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot hash a certificate", e);
    }
  }

  private static Path write(KeyStore store, Path file, String password)
      throws GeneralSecurityException, IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, password.toCharArray());
    }
    return file;
  }
}
