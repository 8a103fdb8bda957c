package dev.rekey.reliability.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads the built module descriptor of every published module: an {@code internal} package is
 * exported (or opened) only to Rekey's own modules, never to everyone nor outside Rekey.
 */
class InternalPackagesExportedOnlyToRekeyTest {
  private static final Set<String> PUBLISHED =
      Set.of(
          "dev.rekey.core",
          "dev.rekey.azure",
          "dev.rekey.azure.storage",
          "dev.rekey.acr",
          "dev.rekey.netapp",
          "dev.rekey.ontap",
          "dev.rekey.rotation",
          "dev.rekey.testkit",
          "dev.rekey.testkit.clients");

  /** Returns what {@code module} shares of an internal package beyond Rekey's modules. */
  static List<String> internalsShared(ModuleDescriptor module) {
    Stream<String> exports =
        module.exports().stream()
            .filter(e -> isInternal(e.source()) && !onlyToRekey(e.targets()))
            .map(e -> module.name() + " exports " + e.source() + to(e.targets()));
    Stream<String> opens =
        module.opens().stream()
            .filter(o -> isInternal(o.source()) && !onlyToRekey(o.targets()))
            .map(o -> module.name() + " opens " + o.source() + to(o.targets()));
    return Stream.concat(exports, opens).toList();
  }

  private static boolean isInternal(String pkg) {
    return List.of(pkg.split("\\.")).contains("internal");
  }

  private static boolean onlyToRekey(Set<String> targets) {
    return !targets.isEmpty() && targets.stream().allMatch(t -> t.startsWith("dev.rekey."));
  }

  private static String to(Set<String> targets) {
    return targets.isEmpty() ? " to everyone" : " to " + new TreeSet<>(targets);
  }

  private static Map<String, ModuleDescriptor> rekeyModulesOnClassPath() throws IOException {
    Map<String, ModuleDescriptor> found = new TreeMap<>();
    for (URL url :
        Collections.list(ClassLoader.getSystemClassLoader().getResources("module-info.class"))) {
      try (InputStream in = url.openStream()) {
        ModuleDescriptor d = ModuleDescriptor.read(in);
        if (d.name().startsWith("dev.rekey.")) {
          found.put(d.name(), d);
        }
      } catch (UncheckedIOException | java.lang.module.InvalidModuleDescriptorException e) {
        throw new AssertionError("unreadable module descriptor at " + url, e);
      }
    }
    return found;
  }

  @Test
  void everyPublishedModuleExportsItsInternalPackagesOnlyToRekeyModules() throws IOException {
    Map<String, ModuleDescriptor> modules = rekeyModulesOnClassPath();

    assertThat(modules.keySet()).containsAll(PUBLISHED);
    assertThat(modules.values().stream().flatMap(m -> internalsShared(m).stream())).isEmpty();
  }

  @Test
  void anInternalPackageSharedWithEveryoneOrOutsideRekeyIsFound() {
    ModuleDescriptor leaky =
        ModuleDescriptor.newModule("dev.rekey.leaky")
            .exports("dev.rekey.leaky")
            .exports("dev.rekey.leaky.internal")
            .exports(
                Set.of(),
                "dev.rekey.leaky.internal.http",
                Set.of("dev.rekey.acr", "com.example.app"))
            .exports(Set.of(), "dev.rekey.leaky.internal.codec", Set.of("dev.rekey.acr"))
            .opens("dev.rekey.leaky.internal.poll")
            .build();

    assertThat(internalsShared(leaky))
        .containsExactlyInAnyOrder(
            "dev.rekey.leaky exports dev.rekey.leaky.internal to everyone",
            "dev.rekey.leaky exports dev.rekey.leaky.internal.http to [com.example.app, dev.rekey.acr]",
            "dev.rekey.leaky opens dev.rekey.leaky.internal.poll to everyone");
  }
}
