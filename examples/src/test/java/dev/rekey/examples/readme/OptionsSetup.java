package dev.rekey.examples.readme;

import dev.rekey.core.ClientOptions;
import dev.rekey.core.HttpLogLevel;
import dev.rekey.core.ProxyOptions;
import dev.rekey.core.Secret;
import dev.rekey.core.TlsOptions;
import dev.rekey.core.poll.PollingPolicy;
import dev.rekey.core.retry.RetryPolicy;
import java.time.Duration;
import okhttp3.OkHttpClient;

/** README options snippet; compiled and run by ReadmeExamplesTest. */
final class OptionsSetup {
  private OptionsSetup() {}

  static ClientOptions options(OkHttpClient sharedOkHttp, Secret proxyPassword, String corporateCaPem) {
    // readme:options:start
    ClientOptions options = ClientOptions.builder()
        .connectTimeout(Duration.ofSeconds(5))            // default 10 s
        .readTimeout(Duration.ofSeconds(30))              // default 60 s (also writeTimeout)
        .callTimeout(Duration.ofMinutes(1))               // each attempt, start to last byte; default 2 min
        .retryPolicy(RetryPolicy.builder()
            .maxAttempts(6)                               // default 4; RetryPolicy.none() = 1
            .baseDelay(Duration.ofMillis(500))            // default 800 ms, exponential, full jitter
            .maxDelay(Duration.ofSeconds(20))             // default 30 s
            .maxServerDelay(Duration.ofSeconds(30))       // Retry-After is capped to this; default 60 s
            .build())
        .pollingPolicy(PollingPolicy.builder()
            .initialInterval(Duration.ofSeconds(2))       // default 1 s, then x multiplier
            .maxInterval(Duration.ofSeconds(15))          // default 10 s
            .timeout(Duration.ofMinutes(20))              // then PollingTimeoutException; default 10 min
            .build())
        .proxy(ProxyOptions.builder()
            .host("proxy.example").port(3128)
            .username("svc").password(proxyPassword)       // optional basic proxy auth
            .build())
        .tls(TlsOptions.builder()
            // e.g. a TLS-inspecting proxy's CA. Trusted INSTEAD of the JDK's CAs, not added to them: for hosts
            // the proxy does not re-sign, put their CA in the same PEM too (it may hold several certificates)
            .trustedCertificatesPem(corporateCaPem)
            .build())
        .maxResponseBytes(1024 * 1024)                    // default 4 MiB; larger bodies fail
        .maxRequestsPerHost(16)                           // sync + async in flight; unset: 32 (ONTAP: 8)
        .userAgentSuffix("my-rotator/1.4")                // appended to the User-Agent
        .logLevel(HttpLogLevel.HEADERS)                   // dev.rekey.http at DEBUG; default NONE
        .okHttpClient(sharedOkHttp)                       // share its pool and dispatcher; keeps its EventListener
        .build();
    // readme:options:end
    return options;
  }

}
