package dev.rekey.core.archfixture;

/** Test-only: a core class named for a protocol, which the core rule refuses. */
public final class ArmSpeaker {
  private ArmSpeaker() {}
}
