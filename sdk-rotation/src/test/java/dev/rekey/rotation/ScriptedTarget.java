package dev.rekey.rotation;

import java.util.function.Supplier;

/**
 * A server-generated target for engine tests: one slot ({@code value}), a verifier that accepts
 * every value, and {@link #generate()} doing what the test scripts.
 */
final class ScriptedTarget implements ServerGeneratedTarget {
  private final String id;
  private final Supplier<Credential> generate;

  ScriptedTarget(String id, Supplier<Credential> generate) {
    this.id = id;
    this.generate = generate;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Verifier verifier() {
    return (context, credential) -> {};
  }

  @Override
  public Slot slot() {
    return Slot.of("value");
  }

  @Override
  public Credential generate() {
    return generate.get();
  }
}
