/**
 * {@link dev.rekey.testkit.junit.EmulatedClients} providers, one per service module, that let
 * {@link dev.rekey.testkit.junit.RekeyEmulators} inject clients pointed at the emulators. Nothing
 * here is called directly: put this artifact on the test class path and declare the client as a
 * parameter. Each provider offers its clients only when its service module is on the class path
 * too.
 */
@NullMarked
package dev.rekey.testkit.clients;

import org.jspecify.annotations.NullMarked;
