/**
 * Runnable programs, one per Rekey call. Each runs against the embedded emulator by default and
 * against the real service when the environment names one; none prints a secret.
 */
@NullMarked
package dev.rekey.examples;

import org.jspecify.annotations.NullMarked;
