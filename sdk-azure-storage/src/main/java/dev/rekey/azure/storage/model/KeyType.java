package dev.rekey.azure.storage.model;

/** Which of a classic storage service's two access keys a call is about. */
public enum KeyType {
  /** The primary key. */
  PRIMARY("Primary"),
  /** The secondary key. */
  SECONDARY("Secondary");

  private final String wireName;

  KeyType(String wireName) {
    this.wireName = wireName;
  }

  /** Returns the name the Service Management API uses: {@code Primary} or {@code Secondary}. */
  public String wireName() {
    return wireName;
  }

  /** Returns the other key: the one to rotate while this one is in use. */
  public KeyType other() {
    return this == PRIMARY ? SECONDARY : PRIMARY;
  }
}
