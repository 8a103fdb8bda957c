package dev.rekey.reliability.shape;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.acr.AcrClient;
import dev.rekey.azure.storage.ClassicStorageKeysClient;
import dev.rekey.azure.storage.StorageAccountKeysClient;
import dev.rekey.core.poll.Operation;
import dev.rekey.netapp.NetAppClient;
import dev.rekey.ontap.OntapClient;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every client offers every operation in every form (issue 16: one client shape), read by
 * reflection so that a new operation, or a form dropped from an old one, fails the build.
 */
class EveryClientOffersEveryFormTest {

  static Stream<Arguments> clients() {
    return Stream.of(
        Arguments.of(AcrClient.class, Set.of("generateCredentials")),
        Arguments.of(NetAppClient.class, Set.of("generateBucketCredentials")),
        Arguments.of(StorageAccountKeysClient.class, Set.of("regenerateKey", "rotateStandbyKey")),
        Arguments.of(ClassicStorageKeysClient.class, Set.of("regenerateKeys", "rotateStandbyKey")),
        Arguments.of(OntapClient.class, Set.of("changePassword", "changeOwnPassword")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clients")
  void offersEveryFormOfEveryOperation(Class<?> client, Set<String> longRunning) {
    assertThat(ClientShape.problems(client, longRunning)).isEmpty();
  }

  @Test
  void readsAndHelpersAreOperationsToo() {
    assertThat(
            ClientShape.problems(
                StorageAccountKeysClient.class, Set.of("regenerateKey", "listKeys")))
        .as("listKeys is a read: declaring it long-running asks for begin forms it rightly lacks")
        .containsExactlyInAnyOrder(
            "beginListKeys(ListKeysRequest): missing",
            "beginListKeys(Consumer<ListKeysRequest.Builder>): missing");
  }

  @Test
  void findsAMissingBeginForm() {
    assertThat(ClientShape.problems(LacksBeginConsumer.class, Set.of("op")))
        .containsExactly("beginOp(Consumer<FakeRequest.Builder>): missing");
  }

  @Test
  void findsPositionalArgumentsABareListAndALooseBuilder() {
    assertThat(ClientShape.problems(Drifted.class, Set.of()))
        .contains(
            "op[class java.lang.String, class java.lang.String]: an operation takes one request",
            "op returns java.util.List<java.lang.String>: results are objects",
            "opAsync(FakeRequest): missing",
            "API_VERSION: the api-version constant is named DEFAULT_API_VERSION",
            "builder(): missing or not returning the nested Drifted.Builder",
            "DriftedBuilder: builders are nested as Drifted.Builder");
  }

  /** A request type as the clients' are: a nested {@code Builder}. */
  public static final class FakeRequest {
    /** Its builder. */
    public static final class Builder {}
  }

  /** A client whose long-running operation lacks {@code beginOp(Consumer)}. */
  public static final class LacksBeginConsumer {
    /** Its builder. */
    public static final class Builder {}

    public static Builder builder() {
      return new Builder();
    }

    public String op(FakeRequest r) {
      return "";
    }

    public String op(Consumer<FakeRequest.Builder> r) {
      return "";
    }

    public CompletableFuture<String> opAsync(FakeRequest r) {
      return CompletableFuture.completedFuture("");
    }

    public CompletableFuture<String> opAsync(Consumer<FakeRequest.Builder> r) {
      return CompletableFuture.completedFuture("");
    }

    public Operation<String> beginOp(FakeRequest r) {
      throw new UnsupportedOperationException();
    }
  }

  /** A client that drifted in every way the test knows. */
  public static final class Drifted {
    public static final String API_VERSION = "2020-01-01";

    public List<String> op(FakeRequest r) {
      return List.of();
    }

    public List<String> op(Consumer<FakeRequest.Builder> r) {
      return List.of();
    }

    public List<String> op(String group, String name) {
      return List.of();
    }
  }

  /** The builder the drifted client has beside it instead of inside it. */
  public static final class DriftedBuilder {}
}
