package dev.rekey.core.internal.http;

import okhttp3.Call;
import okhttp3.EventListener;
import org.jspecify.annotations.Nullable;

/**
 * Records on the call's {@link CallTag} the moment request bytes start to go out. A failure before
 * it (DNS, connect, TLS handshake) provably never reached the server, so even a rotation may be
 * re-sent.
 */
final class RequestProgressListener extends EventListener {
  static final EventListener.Factory FACTORY = RequestProgressListener::forCall;

  private final CallTag tag;

  /**
   * Returns a factory whose listener for a call is this one followed by {@code callers}' (the
   * listener of a client passed to {@code ClientOptions.okHttpClient}), so both hear every event.
   */
  static EventListener.Factory alongside(EventListener.@Nullable Factory callers) {
    return callers == null ? FACTORY : call -> forCall(call).plus(callers.create(call));
  }

  private RequestProgressListener(CallTag tag) {
    this.tag = tag;
  }

  private static EventListener forCall(Call call) {
    CallTag tag = call.request().tag(CallTag.class);
    return tag == null ? EventListener.NONE : new RequestProgressListener(tag);
  }

  @Override
  public void secureConnectStart(Call call) {
    tag.markHandshakeStarted();
  }

  @Override
  public void requestHeadersStart(Call call) {
    tag.markRequestStarted();
  }
}
