/**
 * The JUnit 5 extension: annotate a test class with {@link dev.rekey.testkit.junit.RekeyEmulators}
 * and declare emulators as test method or constructor parameters.
 */
@NullMarked
package dev.rekey.testkit.junit;

import org.jspecify.annotations.NullMarked;
