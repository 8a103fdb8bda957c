package dev.rekey.rotation.ontap;

import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.validate.Check;
import dev.rekey.ontap.OntapClient;
import dev.rekey.rotation.ClientChosenTarget;
import dev.rekey.rotation.Credential;
import dev.rekey.rotation.PasswordGenerator;
import dev.rekey.rotation.Slot;
import dev.rekey.rotation.VerificationFailedException;
import dev.rekey.rotation.Verifier;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An ONTAP local user's password, a single-slot client-chosen credential: the rotation generates
 * the password locally ({@link PasswordGenerator}, never containing the user name), stages it in
 * the sink, changes it with {@code confirmOutcome(true)} (a lost answer is checked by logging in),
 * verifies it by logging in as the user, and promotes it.
 */
public final class OntapPasswordTarget implements ClientChosenTarget {
  /** The one slot, {@code password}. */
  public static final Slot SLOT = Slot.of("password");

  private final OntapClient client;
  private final String user;
  private final @Nullable String svm;
  private final PasswordGenerator generator;
  private final String id;
  private final Verifier verifier;

  private OntapPasswordTarget(Builder b) {
    this.client = Check.notNull("client", b.client);
    this.user = Check.notNull("user", b.user);
    this.svm = b.svm;
    this.generator = b.generator;
    this.id = b.id != null ? b.id : "ontap:" + (svm == null ? "" : svm + "/") + user;
    this.verifier = b.verifier != null ? b.verifier : this::login;
  }

  /** Returns a builder; a client and a user are required. */
  public static Builder builder() {
    return new Builder();
  }

  private void login(dev.rekey.rotation.RotationContext context, Credential credential) {
    if (!client.verifyPassword(r -> r.name(user).password(credential.value()))) {
      throw new VerificationFailedException(
          id, credential.slot(), "ONTAP refused a login as " + user);
    }
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Verifier verifier() {
    return verifier;
  }

  @Override
  public Slot slot() {
    return SLOT;
  }

  @Override
  public Credential generate() {
    return Credential.of(SLOT, generator.generate(user));
  }

  @Override
  public void change(Credential credential) {
    client.changePassword(
        r -> {
          r.name(user).password(credential.value()).confirmOutcome(true);
          if (svm != null) {
            r.ownerName(svm);
          }
        });
  }

  @Override
  public boolean accepts(Credential credential) {
    return client.verifyPassword(r -> r.name(user).password(credential.value()));
  }

  @Override
  public String toString() {
    return "OntapPasswordTarget{" + id + "}";
  }

  /** Builds an {@link OntapPasswordTarget}. */
  public static final class Builder {
    private @Nullable OntapClient client;
    private @Nullable String user;
    private @Nullable String svm;
    private PasswordGenerator generator = PasswordGenerator.defaults();
    private @Nullable String id;
    private @Nullable Verifier verifier;

    private Builder() {}

    /** Sets the client that changes the password (an administrator's, or the user's own). */
    public Builder client(OntapClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /** Sets the user whose password rotates. */
    public Builder user(String user) {
      this.user = Objects.requireNonNull(user, "user == null");
      return this;
    }

    /** Sets the SVM owning an SVM-scoped account. */
    public Builder svm(String svm) {
      this.svm = Objects.requireNonNull(svm, "svm == null");
      return this;
    }

    /** Sets the password generator; default {@link PasswordGenerator#defaults()}. */
    public Builder generator(PasswordGenerator generator) {
      this.generator = Objects.requireNonNull(generator, "generator == null");
      return this;
    }

    /**
     * Sets the target id; default {@code ontap:[svm/]user}. Set it when you rotate several
     * clusters.
     */
    public Builder id(String id) {
      this.id = Objects.requireNonNull(id, "id == null");
      return this;
    }

    /** Sets the verifier; default: log in as the user through the client's address. */
    public Builder verifier(Verifier verifier) {
      this.verifier = Objects.requireNonNull(verifier, "verifier == null");
      return this;
    }

    /**
     * Returns the target.
     *
     * @throws ValidationException if the client or the user is not set ({@code user null must not
     *     be null})
     */
    public OntapPasswordTarget build() {
      return new OntapPasswordTarget(this);
    }
  }
}
