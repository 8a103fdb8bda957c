package dev.rekey.testkit;

import dev.rekey.core.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One local ONTAP user account as the emulator holds it: its scope (cluster or an SVM), role,
 * password history and hash algorithm. Tests read it to assert what a client changed.
 */
public final class OntapAccount {
  private final String name;
  private final Optional<String> svm;
  private final boolean admin;
  private final List<String> passwords = new ArrayList<>();
  private String hashAlgorithm = "sha512";
  private int changes;

  OntapAccount(String name, Optional<String> svm, boolean admin, String password) {
    this.name = name;
    this.svm = svm;
    this.admin = admin;
    this.passwords.add(password);
  }

  /** Returns the user name. */
  public String name() {
    return name;
  }

  /** Returns the owning SVM's name, or empty for a cluster-scoped account. */
  public Optional<String> svm() {
    return svm;
  }

  /** Returns whether the account has the cluster {@code admin} role. */
  public boolean isAdmin() {
    return admin;
  }

  /** Returns the current password. */
  public synchronized Secret password() {
    return Secret.of(passwords.get(0));
  }

  /** Returns how many times the password was changed. */
  public synchronized int changes() {
    return changes;
  }

  /** Returns the hash algorithm last set ({@code sha512} unless a change asked for another). */
  public synchronized String hashAlgorithm() {
    return hashAlgorithm;
  }

  synchronized boolean authenticates(String password) {
    return passwords.get(0).equals(password);
  }

  synchronized List<String> history() {
    return List.copyOf(passwords);
  }

  synchronized void change(String password, String algorithm) {
    passwords.add(0, password);
    hashAlgorithm = algorithm;
    changes++;
  }
}
