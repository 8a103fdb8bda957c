/**
 * Rotation as a crash-safe, audited workflow: a {@link dev.rekey.rotation.Target} makes a new
 * credential, a {@link dev.rekey.rotation.Sink} hands it to the applications that read it, a {@link
 * dev.rekey.rotation.Verifier} proves it against the real service, and a {@code Journal} records
 * every step (never a secret value) so {@code resume} can finish an interrupted rotation.
 * Service-specific targets live in {@code dev.rekey.rotation.azure} and {@code
 * dev.rekey.rotation.ontap}, so an ONTAP-only application needs no Azure jar.
 */
@NullMarked
package dev.rekey.rotation;

import org.jspecify.annotations.NullMarked;
