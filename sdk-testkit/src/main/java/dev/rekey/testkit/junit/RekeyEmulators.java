package dev.rekey.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Gives a JUnit 5 test class the Rekey emulators: declare {@code AcrEmulator}, {@code
 * NetAppEmulator}, {@code ArmStorageEmulator}, {@code ClassicStorageEmulator}, {@code
 * OntapEmulator} or {@code KeyVaultEmulator} as a test method or constructor parameter and receive
 * a started one. With {@code dev.rekey:sdk-testkit-clients} on the test class path, declare {@code
 * AcrClient}, {@code NetAppClient}, {@code StorageAccountKeysClient}, {@code
 * ClassicStorageKeysClient} or {@code OntapClient} too and receive a client already pointed at its
 * emulator (Azure clients use {@link #SUBSCRIPTION_ID} and a fake token; the ONTAP client logs in
 * as {@code admin} and trusts the emulator's certificate), closed after the test. See {@link
 * RekeyEmulatorExtension} for the life cycle.
 *
 * <p>The tests of a class share its emulators, and each test's end resets them, so under JUnit's
 * parallel execution they must not overlap: this annotation carries
 * {@code @Execution(ExecutionMode.SAME_THREAD)}, and a class that uses it runs its tests one at a
 * time even with {@code junit.jupiter.execution.parallel.mode.default=concurrent}. Being {@code
 * SAME_THREAD} itself, such a class runs in its parent's thread: classes with {@code CONCURRENT}
 * mode still run beside it, but two classes with this annotation run one after the other. An
 * {@code @Execution} placed directly on the class takes precedence (and lets its tests wipe each
 * other's emulator state).
 *
 * <pre>{@code
 * @RekeyEmulators
 * class MyRotationTest {
 *   @Test
 *   void rotates(AcrEmulator acr, AcrClient client) {
 *     AcrToken token = acr.addToken(RekeyEmulators.SUBSCRIPTION_ID, "rg", "registry", "ci-token");
 *     client.generateCredentials(r -> r.resourceGroup("rg").registry("registry").token("ci-token"));
 *     assertThat(token.generations()).isEqualTo(1);
 *   }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(RekeyEmulatorExtension.class)
@Execution(ExecutionMode.SAME_THREAD)
public @interface RekeyEmulators {
  /**
   * The subscription id of every Azure client the extension injects; add emulator state under it.
   */
  String SUBSCRIPTION_ID = "00000000-0000-0000-0000-000000000000";
}
