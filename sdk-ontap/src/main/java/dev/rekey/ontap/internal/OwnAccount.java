package dev.rekey.ontap.internal;

import dev.rekey.core.Secret;
import dev.rekey.ontap.model.PasswordChangeRequest;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The account a basic-auth client logs in with. Its password is read on every call, so once the
 * client changes its own password, later calls use the new one.
 */
public final class OwnAccount {
  private final String user;
  private final AtomicReference<Secret> password;

  /** Creates the account with its current password. */
  public OwnAccount(String user, Secret password) {
    this.user = user;
    this.password = new AtomicReference<>(password);
  }

  /** Returns the login user name. */
  public String user() {
    return user;
  }

  /** Returns the password the next call sends. */
  public Secret password() {
    return password.get();
  }

  /** Returns whether {@code r} changes this account: same name, no owner and no SVM targeting. */
  public boolean is(PasswordChangeRequest r) {
    return r.name().equals(user)
        && r.owner().isEmpty()
        && r.targetSvmName().isEmpty()
        && r.targetSvmUuid().isEmpty();
  }

  /** Makes later calls send {@code newPassword}; returns the password they sent until now. */
  Secret switchTo(Secret newPassword) {
    return password.getAndSet(newPassword);
  }

  /** Goes back to {@code previous}, unless the password was changed again since {@code current}. */
  void switchBack(Secret current, Secret previous) {
    password.compareAndSet(current, previous);
  }

  @Override
  public String toString() {
    return "OwnAccount[" + user + ", password=****]";
  }
}
