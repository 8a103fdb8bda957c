package dev.rekey.testkit.internal.archfixture;

import dev.rekey.netapp.NetAppClient;
import okhttp3.HttpUrl;

/**
 * Test-only: an emulator class that uses an SDK client, which the emulator rule refuses; being
 * internal, its public OkHttp type is no public signature.
 */
public final class EmulatorUsesClient {
  private EmulatorUsesClient() {}

  public static HttpUrl close(NetAppClient client) {
    client.close();
    return HttpUrl.get("http://127.0.0.1/");
  }
}
