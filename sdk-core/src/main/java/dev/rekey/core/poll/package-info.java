/** Asynchronous operations: polling policy and operation handles. */
@NullMarked
package dev.rekey.core.poll;

import org.jspecify.annotations.NullMarked;
