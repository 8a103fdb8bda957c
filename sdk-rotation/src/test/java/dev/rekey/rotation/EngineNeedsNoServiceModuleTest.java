package dev.rekey.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine (dev.rekey.rotation and its internal package) references no service module and no
 * Azure type, so an ONTAP-only application, which gets the service modules only as optional
 * dependencies, loads none of them; service code lives in the azure and ontap subpackages.
 */
class EngineNeedsNoServiceModuleTest {
  private static final List<String> SERVICES =
      List.of(
          "dev/rekey/azure", "dev/rekey/acr", "dev/rekey/netapp", "dev/rekey/ontap", "com/azure");

  @Test
  void engineClassFilesNameNoServicePackage() throws Exception {
    Path root =
        Path.of(Rotator.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolve("dev/rekey/rotation");
    List<Path> engine;
    try (Stream<Path> files =
        Stream.concat(Files.list(root), Files.list(root.resolve("internal")))) {
      engine = files.filter(p -> p.toString().endsWith(".class")).toList();
    }
    assertThat(engine).hasSizeGreaterThan(20);
    for (Path classFile : engine) {
      String constants = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
      assertThat(SERVICES).as(classFile.getFileName().toString()).noneMatch(constants::contains);
    }
    String ontapTarget =
        new String(
            Files.readAllBytes(root.resolve("ontap/OntapPasswordTarget.class")),
            StandardCharsets.ISO_8859_1);
    assertThat(ontapTarget)
        .as("the scan can see a service reference")
        .contains("dev/rekey/ontap/OntapClient");
  }
}
