package dev.rekey.rotation;

import java.util.List;
import java.util.Optional;

/**
 * A credential with two server-generated slots, either of which the service accepts (storage {@code
 * key1}/{@code key2}, classic {@code primary}/{@code secondary}, ACR {@code password1}/{@code
 * password2}). A rotation regenerates the standby slot by name, verifies and publishes it, then
 * retires (regenerates) the old slot; the slot in use is never regenerated.
 */
public interface DualSlotTarget extends Target {
  /** Returns the two slots; the first is taken as in use when the sink holds nothing yet. */
  List<Slot> slots();

  /**
   * Regenerates {@code slot} only (never both) and returns its new value.
   *
   * @throws dev.rekey.core.RekeyException as the service client throws; {@link
   *     dev.rekey.core.OutcomeUnknownException} when the answer was lost
   */
  Credential regenerate(Slot slot);

  /**
   * Returns the value {@code slot} holds now, read from the service, or empty if the service cannot
   * return a value without regenerating it (ACR): a resumed rotation then regenerates the
   * still-unused slot again.
   *
   * @throws dev.rekey.core.RekeyException as the service client throws
   */
  Optional<Credential> read(Slot slot);
}
