package dev.rekey.reliability.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The design's never-rules, checked over the main classes of every published module on this class
 * path (BoundariesCanFailTest shows each rule refusing a class that breaks it).
 */
@AnalyzeClasses(
    packages = "dev.rekey",
    importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {
  @ArchTest static final ArchRule coreKnowsNoService = Boundaries.CORE_KNOWS_NO_SERVICE;

  @ArchTest
  static final ArchRule runtimeNeverImportsTestkit = Boundaries.RUNTIME_NEVER_IMPORTS_TESTKIT;

  @ArchTest
  static final ArchRule servicesNeverImportEachOther = Boundaries.SERVICES_NEVER_IMPORT_EACH_OTHER;

  @ArchTest
  static final ArchRule emulatorsNeverImportClients = Boundaries.EMULATORS_NEVER_IMPORT_CLIENTS;

  @ArchTest
  static final ArchRule noHttpOrJsonLibraryInPublicSignatures =
      Boundaries.NO_HTTP_OR_JSON_LIBRARY_IN_PUBLIC_SIGNATURES;

  @ArchTest
  static final ArchRule valueTypesAreBuiltOnlyThroughTheirBuilders =
      Boundaries.VALUE_TYPES_ARE_BUILT_ONLY_THROUGH_THEIR_BUILDERS;

  /** The rules saw every published module, not an empty or partial class path. */
  @ArchTest
  static void everyPublishedModuleIsAnalysed(JavaClasses classes) {
    assertThat(classes.stream().map(JavaClass::getPackageName).distinct())
        .contains(
            "dev.rekey.core",
            "dev.rekey.azure",
            "dev.rekey.azure.storage",
            "dev.rekey.acr",
            "dev.rekey.netapp",
            "dev.rekey.ontap",
            "dev.rekey.rotation",
            "dev.rekey.testkit",
            "dev.rekey.testkit.clients")
        .noneMatch(p -> p.contains("archfixture") || p.startsWith("dev.rekey.reliability"));
  }

  /**
   * Leaves out test jars (the sdk-core test jar's helpers are not part of any published module).
   */
  static final class NoTestJars implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("-tests.jar");
    }
  }
}
