package dev.rekey.bench;

/** ACR's floor ({@link FloorCall}) over HTTPS: the floor of the Azure SDK's ACR client. */
public final class FloorTlsCall extends FloorCall {
  /** ACR's HTTPS floor. */
  public FloorTlsCall() {
    super(Call.stubTlsUrl(), FloorWire.ACR);
  }
}
