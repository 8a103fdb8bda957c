/** Implementation details of Rekey; not a public API. */
@NullMarked
package dev.rekey.core.internal.codec;

import org.jspecify.annotations.NullMarked;
