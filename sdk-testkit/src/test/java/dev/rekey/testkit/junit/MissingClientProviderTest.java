package dev.rekey.testkit.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Asking for a Rekey client that no provider on the class path builds fails the test with a message
 * that names the artifact to add (the nested class runs only through {@link EngineTestKit}).
 */
class MissingClientProviderTest {

  @Test
  void aClientParameterWithoutAProviderNamesTheArtifactToAdd() {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(AsksForAClientNobodyBuilds.class))
        .execute()
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("rotates"),
                finishedWithFailure(
                    instanceOf(ParameterResolutionException.class),
                    message(
                        m ->
                            m.contains("cannot inject a " + StandInClient.class.getName())
                                && m.contains("Add dev.rekey:sdk-testkit-clients (test scope")))));
  }

  /** Looks like a Rekey client (dev.rekey.…Client, AutoCloseable); no provider builds it. */
  static final class StandInClient implements AutoCloseable {
    @Override
    public void close() {}
  }

  @RekeyEmulators
  static class AsksForAClientNobodyBuilds {
    @Test
    void rotates(StandInClient client) {}
  }
}
