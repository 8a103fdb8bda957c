/**
 * The types every Rekey client shares: {@link dev.rekey.core.Secret}, the exception hierarchy
 * rooted at {@link dev.rekey.core.RekeyException}, and {@link dev.rekey.core.ClientOptions}.
 */
@NullMarked
package dev.rekey.core;

import org.jspecify.annotations.NullMarked;
