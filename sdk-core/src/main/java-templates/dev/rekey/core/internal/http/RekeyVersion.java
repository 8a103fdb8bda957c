package dev.rekey.core.internal.http;

/**
 * Rekey's version, written in when the build filters this template ({@code src/main/java-templates})
 * into a source: a constant, so the first call reads no jar resource for its user agent.
 */
final class RekeyVersion {
  /** This build's version, e.g. {@code 1.2.0}. */
  static final String VALUE = "${project.version}";

  private RekeyVersion() {}
}
