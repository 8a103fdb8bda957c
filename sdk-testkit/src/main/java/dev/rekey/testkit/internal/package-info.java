/** Implementation details of the emulators; not a public API. */
@NullMarked
package dev.rekey.testkit.internal;

import org.jspecify.annotations.NullMarked;
