package dev.rekey.core.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The {@code toString} half of the canary sweep: a module's test hands it one sample of each public
 * model and exception, built holding canary secrets, and it fails when a public class of the
 * scanned packages has no sample (so a new model cannot be forgotten) or when any sample's {@code
 * toString}, message or printed stack trace carries a canary. Enums need no sample; their constants
 * are checked. It also fails when {@link CanarySweep} is not running, so each module proves the
 * sweep covers it.
 */
public final class ModelSweep {
  private ModelSweep() {}

  /**
   * Checks every public class in {@code packageName} (which holds {@code anchor}) that is a model
   * (a non-enum class, when {@code onlyThrowables} is false) or an exception.
   */
  public static void assertSampledAndClean(
      Class<?> anchor, String packageName, boolean onlyThrowables, Collection<?> samples) {
    assertThat(CanarySweep.isActive())
        .as(
            "the canary sweep does not run in this module: its tests need sdk-core's test-jar and the root"
                + " pom's junit.jupiter.extensions.autodetection.enabled=true")
        .isTrue();
    List<Class<?>> types = publicClasses(anchor, packageName);
    assertThat(types).as("public classes found in %s", packageName).isNotEmpty();
    for (Class<?> type : types) {
      if (type.isEnum()) {
        for (Object constant : type.getEnumConstants()) {
          assertClean(type.getName() + "." + constant, constant);
        }
        continue;
      }
      boolean throwable = Throwable.class.isAssignableFrom(type);
      if (onlyThrowables && !throwable || type.isInterface() || type.isAnnotation()) {
        continue;
      }
      assertThat(samples.stream().anyMatch(type::isInstance))
          .as(
              "no sample for public %s %s: add one holding canary secrets",
              throwable ? "exception" : "model", type.getName())
          .isTrue();
    }
    for (Object sample : samples) {
      assertClean(sample.getClass().getName(), sample);
    }
  }

  /**
   * Asserts {@code sample}'s toString, and a throwable's messages and printed trace, carry no
   * canary.
   */
  public static void assertClean(String what, Object sample) {
    List<String> texts = new ArrayList<>(List.of(String.valueOf(sample)));
    if (sample instanceof Throwable t) {
      texts.addAll(Canary.describeChain(t));
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      texts.add(trace.toString());
    }
    for (String text : texts) {
      assertThat(CanarySweep.carriesCanary(text))
          .as("%s shows a canary secret: %s", what, text)
          .isFalse();
    }
  }

  /**
   * Returns the public top-level classes directly in {@code packageName}, from {@code anchor}'s jar
   * or directory.
   */
  public static List<Class<?>> publicClasses(Class<?> anchor, String packageName) {
    String dir = packageName.replace('.', '/');
    List<String> names = new ArrayList<>();
    try {
      Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(root)) {
        try (Stream<Path> files = Files.list(root.resolve(dir))) {
          files.map(p -> p.getFileName().toString()).forEach(names::add);
        }
      } else {
        try (JarFile jar = new JarFile(root.toFile())) {
          for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
            String name = e.nextElement().getName();
            if (name.startsWith(dir + "/") && name.indexOf('/', dir.length() + 1) < 0) {
              names.add(name.substring(dir.length() + 1));
            }
          }
        }
      }
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("cannot list " + packageName, e);
    }
    List<Class<?>> out = new ArrayList<>();
    for (String file : names) {
      if (!file.endsWith(".class") || file.contains("$") || file.equals("package-info.class")) {
        continue;
      }
      try {
        Class<?> type =
            Class.forName(
                packageName + "." + file.substring(0, file.length() - 6),
                false,
                anchor.getClassLoader());
        if (Modifier.isPublic(type.getModifiers())) {
          out.add(type);
        }
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }
}
