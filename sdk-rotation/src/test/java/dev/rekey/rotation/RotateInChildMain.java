package dev.rekey.rotation;

import dev.rekey.azure.storage.StorageAccountKeysClient;
import dev.rekey.core.ClientOptions;
import dev.rekey.rotation.azure.StorageKeyTarget;
import dev.rekey.testkit.FakeTokenCredential;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The child JVM of {@link KilledChildJvmThenResumeTest}: rotates a storage account's keys over a
 * file journal and a file sink, prints {@code REGENERATED} once key2's regeneration is journaled as
 * done, then blocks until the parent kills it. Arguments: ARM base URL, account, journal, sink
 * file.
 */
public final class RotateInChildMain {
  private RotateInChildMain() {}

  public static void main(String[] args) throws InterruptedException {
    CountDownLatch never = new CountDownLatch(1);
    StorageAccountKeysClient client =
        StorageAccountKeysClient.builder()
            .subscriptionId(World.SUB)
            .credential(FakeTokenCredential.INSTANCE)
            .options(ClientOptions.builder().endpoint(URI.create(args[0])).build())
            .build();
    StorageKeyTarget target =
        StorageKeyTarget.builder()
            .client(client)
            .resourceGroup("rg")
            .account(args[1])
            .verifier(
                (ctx, cred) -> {
                  Optional<Credential> onService =
                      client
                          .listKeys(r -> r.resourceGroup("rg").accountName(args[1]))
                          .keys()
                          .stream()
                          .filter(k -> k.keyName().equals(cred.slot().name()))
                          .map(k -> Credential.of(cred.slot(), k.value()))
                          .findFirst();
                  if (!onService.equals(Optional.of(cred))) {
                    throw new VerificationFailedException(
                        ctx.targetId(), cred.slot(), "not the account's key");
                  }
                })
            .build();
    Journal journal = FileJournal.open(Path.of(args[2]));
    Rotator rotator =
        Rotator.builder()
            .journal(journal)
            .sink(FileSink.of(Path.of(args[3])))
            .listener(
                e -> {
                  if (e.step() == Step.REGENERATE && e.outcome() == RotationEvent.Outcome.DONE) {
                    System.out.println("REGENERATED");
                    System.out.flush();
                    try {
                      never.await();
                    } catch (InterruptedException interrupted) {
                      Thread.currentThread().interrupt();
                    }
                  }
                })
            .build();
    rotator.rotate(target);
    System.out.println("FINISHED");
  }
}
