package dev.rekey.bench;

/** The floor of ARM storage's {@code regenerateKey}: that call as a raw OkHttp POST, plain HTTP. */
public final class FloorArmCall extends FloorCall {
  /** The floor. */
  public FloorArmCall() {
    super(Call.stubUrl(), FloorWire.ARM);
  }
}
