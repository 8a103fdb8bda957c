package dev.rekey.rotation;

import java.util.function.Supplier;

/**
 * A server-generated target for engine tests: one slot ({@code value}), a verifier that accepts
 * every value unless the test gives one, and {@link #generate()} doing what the test scripts.
 */
final class ScriptedTarget implements ServerGeneratedTarget {
  private final String id;
  private final Supplier<Credential> generate;
  private final Verifier verifier;

  ScriptedTarget(String id, Supplier<Credential> generate) {
    this(id, generate, (context, credential) -> {});
  }

  ScriptedTarget(String id, Supplier<Credential> generate, Verifier verifier) {
    this.id = id;
    this.generate = generate;
    this.verifier = verifier;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Verifier verifier() {
    return verifier;
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
