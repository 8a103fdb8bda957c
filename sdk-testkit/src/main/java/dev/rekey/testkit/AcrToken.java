package dev.rekey.testkit;

import dev.rekey.core.Secret;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A registry token as the {@link AcrEmulator} holds it: its two passwords, their expiries and
 * creation times.
 */
public final class AcrToken {
  private final String name;
  private final Map<String, Secret> passwords = new LinkedHashMap<>();
  private final Map<String, Optional<Instant>> expiries = new LinkedHashMap<>();
  private final Map<String, Instant> created = new LinkedHashMap<>();
  private int generations;

  AcrToken(String name) {
    this.name = name;
  }

  /** Returns the token name, which is also the registry login user name. */
  public String name() {
    return name;
  }

  /** Returns the current value of {@code password1} or {@code password2}, if generated yet. */
  public synchronized Optional<Secret> password(String passwordName) {
    return Optional.ofNullable(passwords.get(passwordName));
  }

  /** Returns the expiry of a password, if it has one. */
  public synchronized Optional<Instant> expiry(String passwordName) {
    return expiries.getOrDefault(passwordName, Optional.empty());
  }

  /** Returns when {@code password1} or {@code password2} was last generated, if it was. */
  public synchronized Optional<Instant> creationTime(String passwordName) {
    return Optional.ofNullable(created.get(passwordName));
  }

  /** Returns how many generateCredentials calls changed this token. */
  public synchronized int generations() {
    return generations;
  }

  synchronized void set(
      String passwordName, Secret value, Optional<Instant> expiry, Instant creationTime) {
    passwords.put(passwordName, value);
    expiries.put(passwordName, expiry);
    created.put(passwordName, creationTime);
  }

  synchronized void countGeneration() {
    generations++;
  }
}
