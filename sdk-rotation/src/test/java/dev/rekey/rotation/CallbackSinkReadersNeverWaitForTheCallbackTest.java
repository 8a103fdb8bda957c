package dev.rekey.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.core.Secret;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The callback sink calls its callback without holding what readers need: a callback that waits for
 * another thread to read the sink (a pool reloading through a helper thread) neither deadlocks nor
 * stalls that reader, who sees the previous value until the callback returned.
 */
class CallbackSinkReadersNeverWaitForTheCallbackTest {
  private static final String TARGET = "callback:reader";

  @Test
  void aCallbackThatWaitsForAReaderOfTheSinkLetsTheRotationComplete() throws Exception {
    ExecutorService reader = Executors.newSingleThreadExecutor();
    try {
      AtomicReference<CallbackSink> sinkRef = new AtomicReference<>();
      AtomicInteger callbacks = new AtomicInteger();
      AtomicBoolean readerReadInTime = new AtomicBoolean();
      AtomicReference<Optional<Published>> readerSaw = new AtomicReference<>();
      CallbackSink sink =
          CallbackSink.of(
              (context, credential) -> {
                if (callbacks.incrementAndGet() < 2) {
                  return;
                }
                CountDownLatch read = new CountDownLatch(1);
                reader.execute(
                    () -> {
                      readerSaw.set(sinkRef.get().current(TARGET));
                      read.countDown();
                    });
                try {
                  readerReadInTime.set(read.await(5, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      sinkRef.set(sink);
      Rotator rotator = Rotator.builder().sink(sink).journal(new MemoryJournal()).build();
      AtomicInteger generated = new AtomicInteger();
      ScriptedTarget target =
          new ScriptedTarget(
              TARGET,
              () -> Credential.of(Slot.of("value"), Secret.of("v" + generated.incrementAndGet())));

      RotationResult first = rotator.rotate(target);
      RotationResult second = rotator.rotate(target);

      assertThat(second.status()).isEqualTo(RotationResult.Status.COMPLETED);
      assertThat(readerReadInTime).as("the reader read while the callback ran").isTrue();
      assertThat(readerSaw.get())
          .as("while the callback runs, readers see the previous value")
          .hasValueSatisfying(p -> assertThat(p.rotationId()).isEqualTo(first.rotationId()));
      assertThat(sink.current(TARGET))
          .hasValueSatisfying(p -> assertThat(p.rotationId()).isEqualTo(second.rotationId()));
    } finally {
      reader.shutdownNow();
    }
  }
}
