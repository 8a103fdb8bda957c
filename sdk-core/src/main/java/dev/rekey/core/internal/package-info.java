/** Implementation details shared by Rekey modules; not a public API and may change at any time. */
@NullMarked
package dev.rekey.core.internal;

import org.jspecify.annotations.NullMarked;
