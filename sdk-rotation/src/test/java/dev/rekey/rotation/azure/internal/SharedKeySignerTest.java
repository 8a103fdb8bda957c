package dev.rekey.rotation.azure.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.core.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class SharedKeySignerTest {
  private static final Map<String, String> HEADERS =
      Map.of("x-ms-version", "2015-02-21", "x-ms-date", "Fri, 26 Jun 2015 23:39:12 GMT");

  /** The Get Container Metadata example of "Authorize with Shared Key", written out by hand. */
  @Test
  void buildsTheDocumentedStringToSign() {
    HttpUrl url =
        HttpUrl.get(
            "https://myaccount.blob.core.windows.net/mycontainer?restype=container&comp=metadata&timeout=20");
    assertThat(SharedKeySigner.stringToSign("myaccount", "GET", url, HEADERS))
        .isEqualTo(
            "GET\n\n\n\n\n\n\n\n\n\n\n\n"
                + "x-ms-date:Fri, 26 Jun 2015 23:39:12 GMT\nx-ms-version:2015-02-21\n"
                + "/myaccount/mycontainer\ncomp:metadata\nrestype:container\ntimeout:20");
  }

  @Test
  void signsWithTheDecodedKeyAndNamesTheAccount() throws Exception {
    byte[] raw =
        "a 64-byte test key, padded......................................"
            .getBytes(StandardCharsets.US_ASCII);
    Secret key = Secret.of(Base64.getEncoder().encodeToString(raw));
    HttpUrl url = HttpUrl.get("https://myaccount.blob.core.windows.net/?comp=list");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(raw, "HmacSHA256"));
    String expected =
        Base64.getEncoder()
            .encodeToString(
                mac.doFinal(
                    ("GET\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:Fri, 26 Jun 2015 23:39:12 GMT\nx-ms-version:2015-02-21\n/myaccount/\ncomp:list")
                        .getBytes(StandardCharsets.UTF_8)));
    assertThat(SharedKeySigner.authorization("myaccount", key, "GET", url, HEADERS))
        .isEqualTo("SharedKey myaccount:" + expected);
    assertThatThrownBy(
            () ->
                SharedKeySigner.authorization(
                    "myaccount", Secret.of("not base64!"), "GET", url, HEADERS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the account key is not base64");
  }
}
