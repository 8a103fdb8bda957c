package dev.rekey.bench;

import dev.rekey.core.Secret;
import dev.rekey.ontap.OntapClient;
import dev.rekey.ontap.model.PasswordChangeRequest;
import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * Rekey's ONTAP password change (201 at once), over HTTPS with basic auth. No Azure class is
 * loaded.
 */
public final class RekeyOntapCall implements Call {
  private final OntapClient client =
      OntapClient.builder()
          .endpoint(URI.create(Call.stubTlsUrl()))
          .basic("admin", Secret.of("bench-admin-password"))
          .build();

  static PasswordChangeRequest request() {
    return PasswordChangeRequest.builder()
        .name("bench_user")
        .password(Secret.of("Bench-password-1"))
        .build();
  }

  @Override
  public Object call() {
    return client.changePassword(request());
  }

  @Override
  public CompletableFuture<?> callAsync() {
    return client.changePasswordAsync(request());
  }

  @Override
  public void close() {
    client.close();
  }
}
