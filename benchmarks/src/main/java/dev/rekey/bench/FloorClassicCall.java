package dev.rekey.bench;

/**
 * The floor of classic storage's XML {@code regenerate}: that call as a raw OkHttp POST, plain
 * HTTP.
 */
public final class FloorClassicCall extends FloorCall {
  /** The floor. */
  public FloorClassicCall() {
    super(Call.stubUrl(), FloorWire.CLASSIC);
  }
}
