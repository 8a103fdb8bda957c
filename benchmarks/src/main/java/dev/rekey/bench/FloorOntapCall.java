package dev.rekey.bench;

/** The floor of ONTAP's password change: that call as a raw OkHttp POST, HTTPS, with basic auth. */
public final class FloorOntapCall extends FloorCall {
  /** The floor. */
  public FloorOntapCall() {
    super(Call.stubTlsUrl(), FloorWire.ONTAP);
  }
}
