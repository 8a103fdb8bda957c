package dev.rekey.bench;

/**
 * The same floor as {@link FloorCall} over HTTPS: the floor of the clients that refuse plain HTTP.
 */
public final class FloorTlsCall extends FloorCall {
  /** The HTTPS floor. */
  public FloorTlsCall() {
    super(Call.stubTlsUrl());
  }
}
