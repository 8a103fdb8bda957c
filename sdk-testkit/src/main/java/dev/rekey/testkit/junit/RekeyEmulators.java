package dev.rekey.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a JUnit 5 test class the Rekey emulators: declare {@code AcrEmulator}, {@code NetAppEmulator},
 * {@code ArmStorageEmulator}, {@code ClassicStorageEmulator} or {@code OntapEmulator} as a test method
 * or constructor parameter and receive a started one. See {@link RekeyEmulatorExtension} for the life
 * cycle.
 *
 * <pre>{@code
 * @RekeyEmulators
 * class MyRotationTest {
 *   @Test
 *   void rotates(AcrEmulator acr) {
 *     // point the client's ClientOptions.endpoint at acr.baseUrl()
 *   }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(RekeyEmulatorExtension.class)
public @interface RekeyEmulators {}
