/** Retry rules: {@link dev.rekey.core.retry.RetryPolicy}. */
@NullMarked
package dev.rekey.core.retry;

import org.jspecify.annotations.NullMarked;
