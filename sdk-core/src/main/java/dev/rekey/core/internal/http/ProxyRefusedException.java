package dev.rekey.core.internal.http;

/**
 * A proxy refused a {@code CONNECT} tunnel with a 407 the client will not answer again: the proxy
 * answered, nothing reached the service, and sending the same request again would get the same 407.
 */
final class ProxyRefusedException extends RefusedAnswer {
  private static final long serialVersionUID = 1L;

  ProxyRefusedException(int status, boolean credentialsSent, String schemes) {
    super(
        status,
        "the proxy refused the CONNECT tunnel with HTTP "
            + status
            + (credentialsSent
                ? " after the proxy credentials were sent once (ProxyOptions.username/password)"
                : " asking for " + schemes + "; only Basic is answered, and only when asked"));
  }
}
