/** Implementation details of sdk-acr; not a public API. */
@NullMarked
package dev.rekey.acr.internal;

import org.jspecify.annotations.NullMarked;
