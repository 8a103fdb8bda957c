package dev.rekey.reliability.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.stream.Stream;

/**
 * The never-rules of the design (shared/design.md, "Modules and packages"), as ArchUnit rules over
 * Rekey's classes. Modules are told apart by package: {@code dev.rekey.<module>} and below.
 */
final class Boundaries {
  private Boundaries() {}

  /** The service modules: each stands alone. */
  static final String[] SERVICES = {
    "dev.rekey.acr..", "dev.rekey.netapp..", "dev.rekey.azure.storage..", "dev.rekey.ontap.."
  };

  /** Everything Azure: an ONTAP-only application must not load any of it. */
  static final String[] AZURE = {
    "dev.rekey.azure..", "dev.rekey.acr..", "dev.rekey.netapp..", "com.azure.."
  };

  /** What an application runs with (the testkit is for its tests). */
  static final String[] RUNTIME = {
    "dev.rekey.core..",
    "dev.rekey.azure..",
    "dev.rekey.acr..",
    "dev.rekey.netapp..",
    "dev.rekey.ontap..",
    "dev.rekey.rotation.."
  };

  /** The emulators: sdk-testkit, without sdk-testkit-clients (which wires clients to them). */
  static final String[] EMULATORS = {
    "dev.rekey.testkit", "dev.rekey.testkit.internal..", "dev.rekey.testkit.junit.."
  };

  /**
   * sdk-core knows no service and no protocol: no service module, no Azure type, no classic XML.
   */
  static final ArchRule CORE_KNOWS_NO_SERVICE =
      CompositeArchRule.of(
              noClasses()
                  .that()
                  .resideInAPackage("dev.rekey.core..")
                  .should()
                  .dependOnClassesThat()
                  .resideInAnyPackage(
                      "dev.rekey.azure..",
                      "dev.rekey.acr..",
                      "dev.rekey.netapp..",
                      "dev.rekey.ontap..",
                      "dev.rekey.rotation..",
                      "dev.rekey.testkit..",
                      "com.azure..",
                      "tools.jackson.dataformat.."))
          .and(
              noClasses()
                  .that()
                  .resideInAPackage("dev.rekey.core..")
                  .should()
                  .haveNameMatching(
                      ".*\\.(Arm|Asm|Azure|Classic|Ontap|Acr|NetApp|Storage)[A-Z][^.]*"))
          .because("sdk-core is the engine; a protocol lives beside its only user");

  /** No runtime module imports the testkit (nor the test server under it). */
  static final ArchRule RUNTIME_NEVER_IMPORTS_TESTKIT =
      noClasses()
          .that()
          .resideInAnyPackage(RUNTIME)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.rekey.testkit..", "mockwebserver3..")
          .because("the testkit is never needed at run time");

  /**
   * Services never import each other; the rotation engine knows none; ONTAP pulls no Azure type.
   */
  static final ArchRule SERVICES_NEVER_IMPORT_EACH_OTHER =
      CompositeArchRule.of(serviceUsesNoOther("dev.rekey.acr.."))
          .and(serviceUsesNoOther("dev.rekey.netapp.."))
          .and(serviceUsesNoOther("dev.rekey.azure.storage.."))
          .and(serviceUsesNoOther("dev.rekey.ontap.."))
          .and(
              noClasses()
                  .that()
                  .resideInAnyPackage("dev.rekey.rotation", "dev.rekey.rotation.internal..")
                  .should()
                  .dependOnClassesThat()
                  .resideInAnyPackage(concat(SERVICES, AZURE)))
          .and(
              noClasses()
                  .that()
                  .resideInAnyPackage("dev.rekey.ontap..", "dev.rekey.rotation.ontap..")
                  .should()
                  .dependOnClassesThat()
                  .resideInAnyPackage(AZURE))
          .and(
              noClasses()
                  .that()
                  .resideInAPackage("dev.rekey.rotation.azure..")
                  .should()
                  .dependOnClassesThat()
                  .resideInAnyPackage("dev.rekey.ontap..", "dev.rekey.rotation.ontap.."))
          .because(
              "each service stands alone, and an ONTAP-only application resolves no Azure module");

  private static ArchRule serviceUsesNoOther(String service) {
    String[] others = Stream.of(SERVICES).filter(s -> !s.equals(service)).toArray(String[]::new);
    return noClasses()
        .that()
        .resideInAPackage(service)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(others);
  }

  private static String[] concat(String[] a, String[] b) {
    return Stream.concat(Stream.of(a), Stream.of(b)).distinct().toArray(String[]::new);
  }

  /** The emulators speak the wire: they never import an SDK client module. */
  static final ArchRule EMULATORS_NEVER_IMPORT_CLIENTS =
      noClasses()
          .that()
          .resideInAnyPackage(EMULATORS)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              concat(SERVICES, new String[] {"dev.rekey.azure..", "dev.rekey.rotation.."}))
          .because("an emulator written against the client would agree with the client's mistakes");

  /** No OkHttp or Jackson type in a public signature, but for the documented escape hatch. */
  static final ArchRule NO_HTTP_OR_JSON_LIBRARY_IN_PUBLIC_SIGNATURES =
      classes()
          .that()
          .resideInAnyPackage(PublicSignatures.PUBLISHED)
          .and()
          .resideOutsideOfPackage("..internal..")
          .should(PublicSignatures.exposeNoLibraryType("okhttp3..", "tools.jackson.."))
          .because(
              "Rekey's dependencies may change without breaking a user (ClientOptions.okHttpClient"
                  + " is the one documented exception)");

  /**
   * A value type (an abstract class Immutables implements as {@code Immutable<Name>}) can be made
   * only through its builder, whose {@code @Value.Check} validates: no public or protected
   * constructor lets an application subclass it past the checks.
   */
  static final ArchRule VALUE_TYPES_ARE_BUILT_ONLY_THROUGH_THEIR_BUILDERS =
      constructors()
          .that()
          .areDeclaredInClassesThat(
              DescribedPredicate.describe(
                  "are value types Immutables implements",
                  (JavaClass c) ->
                      c.getModifiers().contains(JavaModifier.ABSTRACT)
                          && c.getSubclasses().stream()
                              .anyMatch(
                                  s -> s.getSimpleName().equals("Immutable" + c.getSimpleName()))))
          .should()
          .notBePublic()
          .andShould()
          .notBeProtected();
}
