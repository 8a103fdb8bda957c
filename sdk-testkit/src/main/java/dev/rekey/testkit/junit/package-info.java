/**
 * The JUnit 5 extension: annotate a test class with {@link dev.rekey.testkit.junit.RekeyEmulators}
 * and declare emulators, or clients pointed at them, as test method or constructor parameters;
 * {@link dev.rekey.testkit.junit.EmulatedClients} is the service-provider interface that builds the
 * clients.
 */
@NullMarked
package dev.rekey.testkit.junit;

import org.jspecify.annotations.NullMarked;
