package dev.rekey.ontap.model;

import dev.rekey.core.Secret;
import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.RekeyStyle;
import dev.rekey.core.internal.validate.Check;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * A change of one local ONTAP account's password ({@code POST
 * /api/security/authentication/password}). The account is named by {@link #name()} and, for an
 * SVM-scoped account addressed through the cluster, by its SVM's name, uuid or both ({@link
 * #ownerName()}, {@link #ownerUuid()}; both are sent, as in the reference page's example request).
 * {@code toString} shows the password as {@code ****}.
 *
 * <pre>{@code
 * PasswordChangeRequest r = PasswordChangeRequest.builder()
 *     .name("svm_user1").ownerName("svm1")
 *     .password(Secret.of(newPassword))
 *     .confirmOutcome(true)
 *     .build();
 * }</pre>
 */
@Value.Immutable
@RekeyStyle
public abstract class PasswordChangeRequest {
  PasswordChangeRequest() {} // only the generated implementation extends it: none skips its checks

  /**
   * Not empty, no control character (a line break would forge log lines), no white space at either
   * end.
   */
  static final Pattern NAME =
      Pattern.compile(
          "[^\\s\\p{Cntrl}](?:[^\\p{Cntrl}]*[^\\s\\p{Cntrl}])?", Pattern.UNICODE_CHARACTER_CLASS);

  static final String NAME_RULE =
      "must not be empty, start or end with white space, or contain control characters";

  /** Returns a builder; {@code build()} throws {@link ValidationException} on a bad value. */
  public static Builder builder() {
    return ImmutablePasswordChangeRequest.builder();
  }

  /** Returns a builder holding this request's values, to make a changed copy. */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Returns the account's user name. */
  public abstract String name();

  /** Returns the new password, 1–128 characters (the cluster's policy may ask for more). */
  public abstract Secret password();

  /** Returns the name of the SVM owning the account, for an SVM-scoped account. */
  public abstract Optional<String> ownerName();

  /** Returns the uuid of the SVM owning the account, for an SVM-scoped account. */
  public abstract Optional<String> ownerUuid();

  /** Returns the hash to store the password with; the cluster uses {@code sha512} when absent. */
  public abstract Optional<PasswordHashAlgorithm> passwordHashAlgorithm();

  /** Returns whether to ask the cluster to return the changed record ({@code return_records}). */
  public abstract Optional<Boolean> returnRecords();

  /** Returns the SVM a cluster administrator targets with the {@code X-Dot-SVM-Name} header. */
  public abstract Optional<String> targetSvmName();

  /** Returns the SVM a cluster administrator targets with the {@code X-Dot-SVM-UUID} header. */
  public abstract Optional<String> targetSvmUuid();

  /**
   * Returns whether, when the answer to the change was lost, the SDK may establish what happened:
   * for the client's own account it first logs in with the new password; otherwise (or when that
   * fails) it sends the same change once more and reads the cluster's reply — created, or a job
   * that succeeds: applied now; 7077925 "same as the old password": the first send had set it — and
   * for any other reply logs in with the new password. What none of that settles ends in {@link
   * dev.rekey.core.OutcomeUnknownException}. Off by default: then a lost answer throws it at once.
   */
  @Value.Default
  public boolean confirmOutcome() {
    return false;
  }

  /** Returns the owner as sent: the SVM name, else its uuid, else empty for a cluster account. */
  public Optional<String> owner() {
    return ownerName().isPresent() ? ownerName() : ownerUuid();
  }

  @Value.Check
  void check() {
    Check.matches("name", name(), NAME, NAME_RULE);
    Check.secretLength("password", password(), 1, 128);
    ownerName().ifPresent(n -> Check.matches("ownerName", n, NAME, NAME_RULE));
    ownerUuid().ifPresent(u -> Check.uuid("ownerUuid", u));
    targetSvmName().ifPresent(n -> Check.headerText("targetSvmName", n, "X-Dot-SVM-Name"));
    targetSvmUuid().ifPresent(u -> Check.uuid("targetSvmUuid", u));
    if (targetSvmName().isPresent() && targetSvmUuid().isPresent()) {
      throw new ValidationException(
          "targetSvm",
          Check.quote(targetSvmName().get()),
          "must be given by name or by uuid, not both");
    }
  }

  /**
   * Builds a {@link PasswordChangeRequest}: set {@link #name(String)} and {@link
   * #password(Secret)}, and the owner for an SVM-scoped account; {@code build()} validates every
   * field.
   */
  public abstract static class Builder {
    Builder() {}

    /** Copies every value of {@code instance} into this builder, e.g. to change one of them. */
    public abstract Builder from(PasswordChangeRequest instance);

    /**
     * Sets the account's user name: not empty, no control character, no white space at either end.
     */
    public abstract Builder name(String name);

    /** Sets the new password: 1–128 characters (the cluster's policy may ask for more). */
    public abstract Builder password(Secret password);

    /**
     * Sets the name of the SVM owning an SVM-scoped account (rules as {@link #name(String)}); null
     * unsets it.
     */
    public abstract Builder ownerName(@Nullable String ownerName);

    /** Sets or unsets the owning SVM's name, as {@link #ownerName(String)}. */
    public abstract Builder ownerName(Optional<String> ownerName);

    /**
     * Sets the uuid of the SVM owning an SVM-scoped account (canonical 8-4-4-4-12 form); null
     * unsets it.
     */
    public abstract Builder ownerUuid(@Nullable String ownerUuid);

    /** Sets or unsets the owning SVM's uuid, as {@link #ownerUuid(String)}. */
    public abstract Builder ownerUuid(Optional<String> ownerUuid);

    /**
     * Sets the hash to store the password with; null (the default) leaves it to the cluster ({@code
     * sha512}).
     */
    public abstract Builder passwordHashAlgorithm(
        @Nullable PasswordHashAlgorithm passwordHashAlgorithm);

    /** Sets or unsets the hash, as {@link #passwordHashAlgorithm(PasswordHashAlgorithm)}. */
    public abstract Builder passwordHashAlgorithm(
        Optional<? extends PasswordHashAlgorithm> passwordHashAlgorithm);

    /**
     * Sets whether to ask the cluster to return the changed record ({@code return_records}); null
     * sends nothing.
     */
    public abstract Builder returnRecords(@Nullable Boolean returnRecords);

    /** Sets or unsets {@code return_records}, as {@link #returnRecords(Boolean)}. */
    public abstract Builder returnRecords(Optional<Boolean> returnRecords);

    /**
     * Sets the SVM a cluster administrator targets with the {@code X-Dot-SVM-Name} header
     * (printable ASCII, no white space at either end; not together with {@link
     * #targetSvmUuid(String)}); null unsets it.
     */
    public abstract Builder targetSvmName(@Nullable String targetSvmName);

    /** Sets or unsets the targeted SVM's name, as {@link #targetSvmName(String)}. */
    public abstract Builder targetSvmName(Optional<String> targetSvmName);

    /**
     * Sets the SVM a cluster administrator targets with the {@code X-Dot-SVM-UUID} header (a UUID;
     * not together with {@link #targetSvmName(String)}); null unsets it.
     */
    public abstract Builder targetSvmUuid(@Nullable String targetSvmUuid);

    /** Sets or unsets the targeted SVM's uuid, as {@link #targetSvmUuid(String)}. */
    public abstract Builder targetSvmUuid(Optional<String> targetSvmUuid);

    /**
     * Sets whether the SDK may establish what happened when the answer to the change was lost, as
     * {@link PasswordChangeRequest#confirmOutcome()} describes; off by default.
     */
    public abstract Builder confirmOutcome(boolean confirmOutcome);

    /**
     * Returns the request.
     *
     * @throws ValidationException naming the field when one is missing ({@code name}, {@code
     *     password}) or invalid
     */
    public abstract PasswordChangeRequest build();
  }
}
