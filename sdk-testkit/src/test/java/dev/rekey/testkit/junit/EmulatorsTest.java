package dev.rekey.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.testkit.AcrEmulator;
import dev.rekey.testkit.Emulators;
import java.io.IOException;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class EmulatorsTest {
  @Test
  void startsEachEmulatorOnceOnFirstUseAndStopsThemOnClose() throws IOException {
    Emulators emulators = new Emulators();
    AcrEmulator acr = emulators.acr();
    assertThat(emulators.acr()).isSameAs(acr);
    try (Socket s = new Socket(acr.baseUrl().getHost(), acr.baseUrl().getPort())) {
      assertThat(s.isConnected()).isTrue();
    }
    emulators.close();
    assertThatThrownBy(() -> new Socket(acr.baseUrl().getHost(), acr.baseUrl().getPort()).close())
        .isInstanceOf(IOException.class);
    assertThatThrownBy(emulators::ontap).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void resetForgetsStateOfStartedEmulators() {
    try (Emulators emulators = new Emulators()) {
      emulators.netApp().addBucket("s", "rg", "a", "p", "v", "b");
      emulators.reset();
      assertThat(emulators.netApp().bucket("s", "rg", "a", "p", "v", "b")).isEmpty();
    }
  }
}
