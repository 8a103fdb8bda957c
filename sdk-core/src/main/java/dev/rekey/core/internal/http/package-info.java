/** Implementation details of Rekey; not a public API. */
@NullMarked
package dev.rekey.core.internal.http;

import org.jspecify.annotations.NullMarked;
