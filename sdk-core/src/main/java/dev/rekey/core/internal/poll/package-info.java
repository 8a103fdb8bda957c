/**
 * The polling engine behind {@link dev.rekey.core.poll.Operation}: one set of decisions driven
 * synchronously or asynchronously. Each service's protocol (ARM, classic Azure, ONTAP jobs) is a
 * {@link dev.rekey.core.internal.poll.PollStrategy} in the module of its only user.
 */
@NullMarked
package dev.rekey.core.internal.poll;

import org.jspecify.annotations.NullMarked;
