package dev.rekey.acr.model;

import java.util.Locale;
import java.util.Optional;

/** Which of a registry token's two passwords: {@code password1} or {@code password2}. */
public enum TokenPasswordName {
  /** The first password, {@code password1} on the wire. */
  PASSWORD1("password1"),
  /** The second password, {@code password2} on the wire. */
  PASSWORD2("password2");

  private final String wireName;

  TokenPasswordName(String wireName) {
    this.wireName = wireName;
  }

  /** Returns the name as the service spells it, e.g. {@code password1}. */
  public String wireName() {
    return wireName;
  }

  /**
   * Returns the password name the service spelled {@code wireName} (case-insensitive), if known.
   */
  public static Optional<TokenPasswordName> fromWireName(String wireName) {
    String lower = wireName.toLowerCase(Locale.ROOT);
    for (TokenPasswordName n : values()) {
      if (n.wireName.equals(lower)) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }
}
