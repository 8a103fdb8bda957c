package dev.rekey.core;

import dev.rekey.core.internal.http.PemReader;
import dev.rekey.core.internal.validate.Check;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Objects;

/**
 * A certificate and private key a client presents for mutual TLS: an Azure management certificate
 * or an ONTAP certificate login. {@link #toString()} names no key material.
 */
public final class ClientCertificate {
  private final KeyStore keyStore;
  private final Secret keyPassword;

  private ClientCertificate(KeyStore keyStore, Secret keyPassword) {
    this.keyStore = keyStore;
    this.keyPassword = keyPassword;
  }

  /**
   * Reads a PKCS#12 (.pfx/.p12) file.
   *
   * @throws ValidationException if the file cannot be read or the password does not open it; the
   *     message names the file (never the password), the cause says what failed
   */
  public static ClientCertificate fromPkcs12(Path file, Secret password) {
    Objects.requireNonNull(file, "file == null");
    String shown = Check.quote(file.toString());
    try (InputStream in = Files.newInputStream(file)) {
      return fromPkcs12(in, password, shown);
    } catch (IOException e) {
      throw invalid(shown, "must be a readable PKCS#12 file (" + whyUnreadable(e) + ")", e);
    }
  }

  /**
   * Reads PKCS#12 (.pfx/.p12) bytes.
   *
   * @throws ValidationException if the bytes are not PKCS#12 or the password does not open them
   */
  public static ClientCertificate fromPkcs12(byte[] pkcs12, Secret password) {
    Objects.requireNonNull(pkcs12, "pkcs12 == null");
    return fromPkcs12(new ByteArrayInputStream(pkcs12), password, "(bytes)");
  }

  private static ClientCertificate fromPkcs12(InputStream in, Secret password, String source) {
    Objects.requireNonNull(password, "password == null");
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password.reveal().toCharArray());
      return new ClientCertificate(store, password);
    } catch (IOException | GeneralSecurityException e) {
      // The cause (e.g. "keystore password was incorrect") tells a wrong password from bad bytes.
      throw invalid(source, "must be PKCS#12 that the given password opens", e);
    }
  }

  private static ValidationException invalid(String shown, String rule, Exception cause) {
    ValidationException e = new ValidationException("clientCertificate", shown, rule);
    e.initCause(cause);
    return e;
  }

  private static String whyUnreadable(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "access denied";
    }
    return e.getClass().getSimpleName();
  }

  /**
   * Reads a PEM certificate chain and an unencrypted PKCS#8 PEM private key ({@code BEGIN PRIVATE
   * KEY}, RSA or EC).
   *
   * @throws ValidationException if either PEM text cannot be read
   */
  public static ClientCertificate fromPem(String certificateChainPem, String privateKeyPem) {
    Secret transientPassword = Secret.of("");
    return new ClientCertificate(
        PemReader.keyStore(certificateChainPem, privateKeyPem, transientPassword),
        transientPassword);
  }

  /**
   * Reads a PEM certificate chain and an unencrypted PKCS#8 PEM private key ({@code BEGIN PRIVATE
   * KEY}, RSA or EC) held as a {@link Secret}, so the key never travels as a plain string.
   *
   * @throws ValidationException if either PEM text cannot be read
   */
  public static ClientCertificate fromPem(String certificateChainPem, Secret privateKeyPem) {
    return fromPem(
        certificateChainPem,
        Objects.requireNonNull(privateKeyPem, "privateKeyPem == null").reveal());
  }

  /**
   * Returns the key store holding the certificate chain and private key; for the transport only.
   */
  public KeyStore keyStore() {
    return keyStore;
  }

  /** Returns the password that opens the private key in {@link #keyStore()}. */
  public Secret keyPassword() {
    return keyPassword;
  }

  @Override
  public String toString() {
    return "ClientCertificate[****]";
  }
}
