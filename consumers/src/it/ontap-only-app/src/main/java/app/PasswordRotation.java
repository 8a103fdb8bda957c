package app;

import dev.rekey.core.Secret;
import dev.rekey.ontap.OntapClient;
import dev.rekey.ontap.model.PasswordChangeResult;
import java.net.URI;

/** What an ONTAP-only application writes: connect, change a password, check the new one logs in. */
public final class PasswordRotation {
  private PasswordRotation() {}

  /**
   * Changes {@code user}'s password on the cluster at {@code endpoint}; returns the account name.
   */
  public static String rotate(
      URI endpoint, String caPem, Secret adminPassword, String user, Secret newPassword) {
    try (OntapClient ontap =
        OntapClient.builder()
            .endpoint(endpoint)
            .trustCertificatePem(caPem)
            .basic("admin", adminPassword)
            .build()) {
      PasswordChangeResult result =
          ontap.changePassword(r -> r.name(user).password(newPassword).confirmOutcome(true));
      if (!ontap.verifyPassword(r -> r.name(user).password(newPassword))) {
        throw new IllegalStateException("the new password does not log in");
      }
      return result.accountName();
    }
  }
}
