package dev.rekey.core.internal.http;

import dev.rekey.core.ClientOptions;
import dev.rekey.core.ProxyOptions;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Authenticator;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Builds the OkHttp client a pipeline uses from {@link ClientOptions}: timeouts, proxy, TLS, daemon
 * dispatcher threads, and OkHttp's own silent retry turned off (retry is the pipeline's, and a
 * rotation must never be re-sent behind the caller's back). A caller's own client keeps its event
 * listener: Rekey's listener is added beside it, never in its place.
 */
final class OkHttpFactory {
  private OkHttpFactory() {}

  /**
   * Returns the client, and whether the pipeline owns its dispatcher and pool (and must close
   * them).
   */
  static OkHttpClient create(ClientOptions options) {
    OkHttpClient.Builder b =
        options.okHttpClient().map(OkHttpClient::newBuilder).orElseGet(OkHttpClient.Builder::new);
    int perHost = options.maxRequestsPerHost().orElse(ClientOptions.DEFAULT_MAX_REQUESTS_PER_HOST);
    if (options.okHttpClient().isEmpty()) {
      Dispatcher dispatcher = new Dispatcher(daemonExecutor());
      dispatcher.setMaxRequests(Math.max(64, perHost));
      dispatcher.setMaxRequestsPerHost(perHost);
      b.dispatcher(dispatcher);
      // Keep as many idle connections as calls may be in flight: OkHttp's default of 5 made a busy
      // client close and reopen connections (and TLS sessions) on every burst.
      b.connectionPool(new ConnectionPool(perHost, 5, TimeUnit.MINUTES));
    }
    // An application's client keeps its settings, but not these: its authenticator would answer a
    // 401 by re-sending the call (a second rotation) with the application's own credential, and its
    // cache could keep answers that hold secrets on disk.
    b.authenticator(Authenticator.NONE)
        .cache(null)
        .retryOnConnectionFailure(false)
        .connectTimeout(options.connectTimeout())
        .readTimeout(options.readTimeout())
        .writeTimeout(options.writeTimeout())
        .callTimeout(Duration.ZERO) // AttemptTimeLimit's instead, much cheaper
        .eventListenerFactory(
            RequestProgressListener.alongside(
                options.okHttpClient().map(OkHttpClient::eventListenerFactory).orElse(null)));
    b.addInterceptor(new AttemptTimeLimit(options.callTimeout().toNanos()));
    b.addInterceptor(new HostConcurrencyLimit(perHost));
    options.proxy().ifPresent(proxy -> applyProxy(b, proxy));
    TlsConfigurer.apply(b, options.tls());
    return b.build();
  }

  private static void applyProxy(OkHttpClient.Builder b, ProxyOptions proxy) {
    b.proxy(
        new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.host(), proxy.port())));
    b.proxyAuthenticator(ProxyAuthenticator.of(proxy));
  }

  private static ExecutorService daemonExecutor() {
    AtomicInteger n = new AtomicInteger();
    return new ThreadPoolExecutor(
        0,
        Integer.MAX_VALUE,
        60,
        TimeUnit.SECONDS,
        new SynchronousQueue<>(),
        r -> {
          Thread t = new Thread(r, "rekey-http-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }
}
