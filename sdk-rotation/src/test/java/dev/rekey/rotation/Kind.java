package dev.rekey.rotation;

import dev.rekey.core.Secret;
import dev.rekey.netapp.model.BucketAddress;
import dev.rekey.rotation.azure.AcrPasswordTarget;
import dev.rekey.rotation.azure.ClassicStorageKeyTarget;
import dev.rekey.rotation.azure.NetAppKeyPairTarget;
import dev.rekey.rotation.azure.StorageKeyTarget;
import dev.rekey.rotation.ontap.OntapPasswordTarget;
import dev.rekey.testkit.AcrToken;
import dev.rekey.testkit.NetAppBucket;
import dev.rekey.testkit.OntapAccount;
import dev.rekey.testkit.StorageKeys;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntSupplier;

/** The five credentials, each set up fresh on the emulators as a {@link Case}. */
enum Kind {
  STORAGE(true) {
    @Override
    Case create(World w, String name, Sink sink) {
      StorageKeys keys = w.emulators.armStorage().addAccount(World.SUB, "rg", name);
      Function<Slot, Optional<Secret>> state = s -> keys.key(s.name());
      StorageKeyTarget target =
          StorageKeyTarget.builder()
              .client(w.storage)
              .resourceGroup("rg")
              .account(name)
              .verifier(emulatorVerifier("storage:rg/" + name, state))
              .build();
      return new Case(
          target, sink, state, () -> keys.regenerations("key1") + keys.regenerations("key2"), 2);
    }
  },
  CLASSIC(true) {
    @Override
    Case create(World w, String name, Sink sink) {
      StorageKeys keys = w.emulators.classicStorage().addAccount(World.SUB, name);
      Function<Slot, Optional<Secret>> state = s -> keys.key(s.name());
      ClassicStorageKeyTarget target =
          ClassicStorageKeyTarget.of(
              w.classic, name, emulatorVerifier("classic-storage:" + name, state));
      return new Case(
          target,
          sink,
          state,
          () -> keys.regenerations("Primary") + keys.regenerations("Secondary"),
          2);
    }
  },
  ACR(true) {
    @Override
    Case create(World w, String name, Sink sink) {
      AcrToken token = w.emulators.acr().addToken(World.SUB, "rg", "registry", name);
      Function<Slot, Optional<Secret>> state = s -> token.password(s.name());
      AcrPasswordTarget target =
          AcrPasswordTarget.builder()
              .client(w.acr)
              .resourceGroup("rg")
              .registry("registry")
              .token(name)
              .passwordLifetime(Duration.ofDays(30))
              .verifier(emulatorVerifier("acr:rg/registry/" + name, state))
              .build();
      return new Case(target, sink, state, token::generations, 2);
    }
  },
  ONTAP(false) {
    @Override
    Case create(World w, String name, Sink sink) {
      OntapAccount account =
          w.emulators.ontap().addClusterUser(name, "Initial-" + name + "-9x", false);
      OntapPasswordTarget target = OntapPasswordTarget.builder().client(w.ontap).user(name).build();
      return new Case(target, sink, s -> Optional.of(account.password()), account::changes, 1);
    }
  },
  NETAPP(false) {
    @Override
    Case create(World w, String name, Sink sink) {
      NetAppBucket bucket =
          w.emulators.netApp().addBucket(World.SUB, "rg", "account", "pool1", "volume1", name);
      BucketAddress address =
          BucketAddress.builder()
              .subscriptionId(World.SUB)
              .resourceGroup("rg")
              .account("account")
              .pool("pool1")
              .volume("volume1")
              .bucket(name)
              .build();
      Function<Slot, Optional<Secret>> state = s -> bucket.secretKey();
      NetAppKeyPairTarget target =
          NetAppKeyPairTarget.of(
              w.netApp,
              address,
              Duration.ofDays(30),
              (ctx, cred) -> {
                if (!bucket.accessKey().equals(Optional.of(cred.part(Credential.ACCESS_KEY)))
                    || !bucket.secretKey().equals(Optional.of(cred.part(Credential.SECRET_KEY)))) {
                  throw new VerificationFailedException(
                      ctx.targetId(), cred.slot(), "test: not the bucket's pair");
                }
              });
      return new Case(target, sink, state, bucket::generations, 1);
    }
  };

  private static final AtomicInteger NAMES = new AtomicInteger();

  /** Whether the target has two slots, so the sink's current value must work at every boundary. */
  final boolean dualSlot;

  Kind(boolean dualSlot) {
    this.dualSlot = dualSlot;
  }

  abstract Case create(World world, String name, Sink sink);

  /** Returns a fresh case with a name no other case used. */
  Case create(World world, Sink sink) {
    return create(
        world, name().toLowerCase(java.util.Locale.ROOT) + (1000 + NAMES.incrementAndGet()), sink);
  }

  /** A test verifier: the value must be what the emulator holds in that slot now. */
  static Verifier emulatorVerifier(String targetId, Function<Slot, Optional<Secret>> state) {
    return (ctx, cred) -> {
      if (!state.apply(cred.slot()).equals(Optional.of(cred.value()))) {
        throw new VerificationFailedException(
            targetId, cred.slot(), "test: not the emulator's value");
      }
    };
  }

  /**
   * One credential on the emulators: its target, the sink, the emulator's value per slot (for
   * NetApp the secret key), and how many times the service made a new value.
   */
  record Case(
      Target target,
      Sink sink,
      Function<Slot, Optional<Secret>> state,
      IntSupplier changes,
      int changesPerRotation) {

    /** Puts the value applications use before any rotation into the sink, as rotation "seed". */
    void seed() {
      RotationContext seed = RotationContext.of("seed", target.id());
      if (target instanceof DualSlotTarget d) {
        Slot first = d.slots().get(0);
        Optional<Credential> read = d.read(first);
        Credential value = read.orElseGet(() -> d.regenerate(first));
        sink.publish(seed, value);
      } else if (target instanceof OntapPasswordTarget o) {
        sink.publish(seed, Credential.of(o.slot(), state.apply(o.slot()).orElseThrow()));
      }
    }

    /**
     * Returns whether the value the sink calls current is the one the service holds in its slot.
     */
    boolean currentWorks() {
      return sink.current(target.id()).map(p -> works(p.credential())).orElse(false);
    }

    /** Returns whether the value the sink holds as pending is the service's. */
    boolean pendingWorks() {
      return sink.pending(target.id()).map(p -> works(p.credential())).orElse(false);
    }

    boolean works(Credential c) {
      Secret v =
          c.parts().containsKey(Credential.VALUE) ? c.value() : c.part(Credential.SECRET_KEY);
      return state.apply(c.slot()).equals(Optional.of(v));
    }
  }
}
