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
  private static final RequestProgressListener INSTANCE = new RequestProgressListener();
  static final EventListener.Factory FACTORY = call -> INSTANCE;

  /**
   * Returns a factory whose listener for a call is this one followed by {@code callers}' (the
   * listener of a client passed to {@code ClientOptions.okHttpClient}), so both hear every event.
   */
  static EventListener.Factory alongside(EventListener.@Nullable Factory callers) {
    return callers == null ? FACTORY : call -> INSTANCE.plus(callers.create(call));
  }

  private RequestProgressListener() {}

  @Override
  public void secureConnectStart(Call call) {
    CallTag tag = CallTag.of(call);
    if (tag != null) {
      tag.markHandshakeStarted();
    }
  }

  @Override
  public void requestHeadersStart(Call call) {
    CallTag tag = CallTag.of(call);
    if (tag != null) {
      tag.markRequestStarted();
    }
  }
}
