package dev.rekey.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TourTest {
  @Test
  void everyStepWorksAndTheTableNamesWhatChanged() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = Tour.run(new String[0], new PrintStream(out, true, StandardCharsets.UTF_8));

    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(status).as(text).isZero();
    assertThat(text)
        .contains("service", "latency (ms)", "what changed")
        .contains(
            "Secondary key regenerated",
            "key1 regenerated",
            "password1 replaced (202,",
            "key pair generated",
            "tour_user password changed",
            "old password refused",
            "tour_rotated: COMPLETED into ontap-password.json, the file's password logs in",
            "Key Vault now holds key2",
            "old key1 refused by the account")
        .doesNotContain("FAILED")
        .doesNotContain("waiting for the operation"); // no progress indicator without a console
  }

  @Test
  void aFailedStepIsShownAndMakesTheStatusOneWhileTheOthersStillRun() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status =
        Tour.run(
            new String[0],
            new PrintStream(out, true, StandardCharsets.UTF_8),
            steps -> steps.netApp().faults().fail(5, 400));

    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(status).as(text).isEqualTo(1);
    assertThat(text)
        .containsPattern("NetApp Files +\\| generateBucketCredentials +\\| FAILED")
        .contains("old password refused", "1 of 8 steps failed.");
  }

  @Test
  void realWithoutAServiceShowsTheUsageAndTheServicesWithStatusTwo() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status =
        Tour.run(new String[] {"--real"}, new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(
            "Tour --real <service>",
            "REKEY_TOUR_SERVICE",
            "acr, netapp, ontap, storage-arm, storage-classic");
  }

  @Test
  void anUnknownArgumentOrServiceShowsTheUsageWithStatusTwo() {
    for (String[] args : new String[][] {{"--fake"}, {"--real", "s3"}, {"--real", "acr", "more"}}) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int status = Tour.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));

      assertThat(status).as(String.join(" ", args)).isEqualTo(2);
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: Tour");
    }
  }
}
