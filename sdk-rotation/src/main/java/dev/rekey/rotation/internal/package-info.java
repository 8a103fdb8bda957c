/** The rotation engine's internals: step runner, flows per target kind, journal codec. Not API. */
@NullMarked
package dev.rekey.rotation.internal;

import org.jspecify.annotations.NullMarked;
