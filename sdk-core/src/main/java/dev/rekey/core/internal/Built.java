package dev.rekey.core.internal;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Builds a request from the consumer form of a call: a fresh builder, the caller's settings, then
 * build.
 */
public final class Built {
  private Built() {}

  /**
   * Passes {@code builder} to {@code request} and returns {@code build} of it (which validates).
   */
  public static <B, R> R by(B builder, Consumer<? super B> request, Function<B, R> build) {
    Objects.requireNonNull(request, "request == null").accept(builder);
    return build.apply(builder);
  }
}
