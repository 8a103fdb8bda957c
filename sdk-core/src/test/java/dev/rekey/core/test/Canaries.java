package dev.rekey.core.test;

import java.util.List;
import java.util.Locale;

/**
 * Fixed canary values, one per kind of secret the SDK handles, for tests and emulators to plant.
 * Each one carries {@link #MARKER}, and so does every secret the sdk-testkit emulators issue, so
 * {@link CanarySweep} finds any of them wherever it surfaces without being told the value.
 */
public final class Canaries {
  /**
   * The marker in every canary, matched case-insensitively (an ANF access key is upper case). Keep
   * it equal to {@code dev.rekey.testkit.internal.RandomSecrets.MARKER}.
   */
  public static final String MARKER = "RKYCANARY";

  /** A storage account key: 64 bytes in base64, 88 characters. */
  public static final String STORAGE_KEY = MARKER + "storageKey" + "A".repeat(67) + "==";

  /** An ACR token password. */
  public static final String ACR_PASSWORD =
      MARKER + "acrPassword0123456789abcdefghijklmnopqrstuvwx";

  /** An ANF bucket access key. */
  public static final String ANF_ACCESS_KEY = MARKER + "ANFACCESS01";

  /** An ANF bucket secret key. */
  public static final String ANF_SECRET_KEY = MARKER + "anfSecret/0123456789+abcdefghij";

  /** An ONTAP password that meets the default ONTAP password rules. */
  public static final String ONTAP_PASSWORD = MARKER + "-ontapPw1";

  /** A second ONTAP password, for a change from one to the other. */
  public static final String ONTAP_NEW_PASSWORD = MARKER + "-ontapNewPw2";

  /** A bearer access token. */
  public static final String BEARER_TOKEN = "eyJ" + MARKER + ".bearerToken.signature";

  /** A password sent with HTTP basic authentication. */
  public static final String BASIC_PASSWORD = MARKER + "-basicPw3";

  /** The password protecting a client certificate's private key. */
  public static final String CLIENT_KEY_PASSWORD = MARKER + "-clientKeyPw4";

  /** Every fixed canary. */
  public static final List<String> ALL =
      List.of(
          STORAGE_KEY,
          ACR_PASSWORD,
          ANF_ACCESS_KEY,
          ANF_SECRET_KEY,
          ONTAP_PASSWORD,
          ONTAP_NEW_PASSWORD,
          BEARER_TOKEN,
          BASIC_PASSWORD,
          CLIENT_KEY_PASSWORD);

  private Canaries() {}

  /** Returns whether {@code text} carries the marker, in any case. */
  public static boolean hasMarker(String text) {
    return text.toUpperCase(Locale.ROOT).contains(MARKER);
  }
}
