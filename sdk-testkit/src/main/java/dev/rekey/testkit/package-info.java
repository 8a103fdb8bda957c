/**
 * Emulators of the services Rekey calls, over real HTTP on loopback, with state and fault
 * injection, for your tests. {@link dev.rekey.testkit.Emulator} is the base; {@link
 * dev.rekey.testkit.Faults} the shared fault injection.
 */
@NullMarked
package dev.rekey.testkit;

import org.jspecify.annotations.NullMarked;
