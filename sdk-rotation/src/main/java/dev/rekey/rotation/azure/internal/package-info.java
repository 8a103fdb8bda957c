/** Key Vault wire calls and JSON, and Shared Key signing, for the Azure rotation parts; not API. */
@NullMarked
package dev.rekey.rotation.azure.internal;

import org.jspecify.annotations.NullMarked;
