package dev.rekey.bench;

/**
 * The floor of the ANF bucket client's {@code generateCredentials}: that call as a raw OkHttp POST,
 * plain HTTP.
 */
public final class FloorNetAppCall extends FloorCall {
  /** The floor. */
  public FloorNetAppCall() {
    super(Call.stubUrl(), FloorWire.NETAPP);
  }
}
