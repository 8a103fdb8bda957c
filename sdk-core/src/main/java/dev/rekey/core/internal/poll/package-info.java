/**
 * The polling engine behind {@link dev.rekey.core.poll.Operation}: one set of decisions driven
 * synchronously or asynchronously, and the strategies for ARM, classic Azure and ONTAP operations.
 */
@NullMarked
package dev.rekey.core.internal.poll;

import org.jspecify.annotations.NullMarked;
