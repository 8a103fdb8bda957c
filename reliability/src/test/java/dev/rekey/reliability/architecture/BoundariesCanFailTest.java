package dev.rekey.reliability.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.rekey.core.archfixture.ArmSpeaker;
import dev.rekey.core.archfixture.KnowsAzure;
import dev.rekey.netapp.archfixture.UsesEmulator;
import dev.rekey.ontap.archfixture.UsesAcr;
import dev.rekey.rotation.internal.archfixture.EngineKnowsOntap;
import dev.rekey.testkit.archfixture.Exposes;
import dev.rekey.testkit.internal.archfixture.EmulatorUsesClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each architecture rule refuses a test-only class that breaks it, and only what breaks it. */
class BoundariesCanFailTest {
  private static List<String> violations(ArchRule rule, Class<?>... classes) {
    EvaluationResult result =
        rule.allowEmptyShould(true).evaluate(new ClassFileImporter().importClasses(classes));
    return result.getFailureReport().getDetails();
  }

  @Test
  void coreRuleRefusesACoreClassNamedForOrUsingAService() {
    assertThat(violations(Boundaries.CORE_KNOWS_NO_SERVICE, ArmSpeaker.class, KnowsAzure.class))
        .anyMatch(v -> v.contains(ArmSpeaker.class.getName()) && v.contains("name matching"))
        .anyMatch(
            v ->
                v.contains(KnowsAzure.class.getName()) && v.contains("dev.rekey.azure.AzureCloud"));
  }

  @Test
  void runtimeRuleRefusesAServiceUsingTheTestkit() {
    assertThat(violations(Boundaries.RUNTIME_NEVER_IMPORTS_TESTKIT, UsesEmulator.class))
        .anyMatch(
            v ->
                v.contains(UsesEmulator.class.getName())
                    && v.contains("dev.rekey.testkit.NetAppEmulator"));
  }

  @Test
  void serviceRuleRefusesOntapUsingAcrAndTheEngineUsingOntap() {
    assertThat(
            violations(
                Boundaries.SERVICES_NEVER_IMPORT_EACH_OTHER, UsesAcr.class, EngineKnowsOntap.class))
        .anyMatch(v -> v.contains(UsesAcr.class.getName()) && v.contains("dev.rekey.acr.AcrClient"))
        .anyMatch(
            v ->
                v.contains(EngineKnowsOntap.class.getName())
                    && v.contains("dev.rekey.ontap.OntapClient"));
  }

  @Test
  void emulatorRuleRefusesAnEmulatorUsingAClient() {
    assertThat(violations(Boundaries.EMULATORS_NEVER_IMPORT_CLIENTS, EmulatorUsesClient.class))
        .anyMatch(
            v ->
                v.contains(EmulatorUsesClient.class.getName())
                    && v.contains("dev.rekey.netapp.NetAppClient"));
  }

  @Test
  void signatureRuleRefusesEveryWayALibraryTypeShowsAndNothingHidden()
      throws ClassNotFoundException {
    List<String> found =
        violations(
            Boundaries.NO_HTTP_OR_JSON_LIBRARY_IN_PUBLIC_SIGNATURES,
            Exposes.ReturnsHttpUrl.class,
            Exposes.TakesJsonParser.class,
            Exposes.ExtendsEventListener.class,
            Exposes.ProtectedListOfHttpUrl.class,
            Exposes.Hidden.class,
            Class.forName(Exposes.class.getName() + "$PackagePrivate"),
            EmulatorUsesClient.class);

    assertThat(found)
        .anyMatch(v -> v.contains("ReturnsHttpUrl.url()") && v.contains("okhttp3.HttpUrl"))
        .anyMatch(
            v ->
                v.contains("TakesJsonParser.<init>") && v.contains("tools.jackson.core.JsonParser"))
        .anyMatch(
            v ->
                v.contains("ExtendsEventListener")
                    && v.contains("extends names okhttp3.EventListener"))
        .anyMatch(v -> v.contains("ProtectedListOfHttpUrl.urls()") && v.contains("okhttp3.HttpUrl"))
        .noneMatch(
            v ->
                v.contains("Hidden")
                    || v.contains("PackagePrivate")
                    || v.contains("EmulatorUsesClient"));
  }
}
