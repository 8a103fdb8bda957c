package dev.rekey.core.test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.core.RekeyException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model sweep fails on a forgotten model and on a toString that shows a canary. */
class ModelSweepTest {

  @Test
  void aPublicModelWithoutASampleFails() {
    assertThatThrownBy(
            () ->
                ModelSweep.assertSampledAndClean(
                    RekeyException.class, "dev.rekey.core", false, List.of()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("no sample for public");
  }

  @Test
  void aToStringShowingACanaryFails() {
    record Leaky(String password) {}
    assertThatThrownBy(() -> ModelSweep.assertClean("Leaky", new Leaky(Canaries.ONTAP_PASSWORD)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("shows a canary secret");
  }

  @Test
  void anExceptionWhoseCauseShowsACanaryFails() {
    Canary canary = Canary.named("cause");
    RekeyException e = new RekeyException("failed", new IllegalStateException(canary.value()));
    assertThatThrownBy(() -> ModelSweep.assertClean("RekeyException", e))
        .isInstanceOf(AssertionError.class);
  }
}
