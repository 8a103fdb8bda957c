/** Implementation details of the Rekey Azure modules; not a public API. */
@NullMarked
package dev.rekey.azure.internal;

import org.jspecify.annotations.NullMarked;
