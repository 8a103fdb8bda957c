package dev.rekey.core.internal.http;

/**
 * A proxy refused a {@code CONNECT} tunnel with a 407 the client will not answer again: the proxy
 * answered, nothing reached the service, and sending the same request again would get the same 407.
 */
final class ProxyRefusedException extends RefusedAnswer {
  private static final long serialVersionUID = 1L;

  ProxyRefusedException(int status, String why) {
    super(status, "the proxy refused the CONNECT tunnel with HTTP " + status + " " + why);
  }
}
