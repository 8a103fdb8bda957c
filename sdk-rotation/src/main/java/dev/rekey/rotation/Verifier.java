package dev.rekey.rotation;

/**
 * Proves a credential against the real service (a Shared Key-signed request, a registry token
 * request, an ONTAP login), never against what Rekey remembers. A rotation publishes or promotes a
 * new value only after its verifier accepted it, except a server-generated single-slot value
 * (NetApp): generating killed the old one, so it is published at once and verified after.
 */
@FunctionalInterface
public interface Verifier {
  /**
   * Returns normally if the service accepts {@code credential} for {@code context}'s target.
   *
   * @throws VerificationFailedException if the service rejected it
   * @throws dev.rekey.core.RekeyException if the service could not be asked (the answer is unknown)
   */
  void verify(RotationContext context, Credential credential);
}
