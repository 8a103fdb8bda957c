package dev.rekey.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps README.md's Java snippets compiled: every {@code ```java} block in README must equal (modulo
 * common indentation and trailing blanks) a region between {@code // readme:NAME:start} and {@code //
 * readme:NAME:end} in this package's sources, which the build compiles (and partly runs), and every
 * region must appear in README.
 */
class ReadmeSnippetsTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Path SOURCES = Path.of("src", "test", "java", "dev", "rekey", "examples", "readme");
  private static final Pattern BLOCK = Pattern.compile("(?m)^```java\\n(.*?)^```$", Pattern.DOTALL);
  private static final Pattern REGION =
      Pattern.compile("(?m)^[ \\t]*// readme:([a-z0-9-]+):start\\n(.*?)^[ \\t]*// readme:\\1:end$", Pattern.DOTALL);

  @Test
  void everyJavaBlockInReadmeIsAMarkedRegionOfCompiledSourceAndViceVersa() throws IOException {
    String readme = Files.readString(README);
    Map<String, String> regions = regions();
    List<String> problems = new ArrayList<>();
    List<String> used = new ArrayList<>();
    Matcher m = BLOCK.matcher(readme);
    while (m.find()) {
      String block = normalize(m.group(1));
      int line = readme.substring(0, m.start()).split("\n", -1).length;
      String match = regions.entrySet().stream().filter(e -> e.getValue().equals(block))
          .map(Map.Entry::getKey).findFirst().orElse(null);
      if (match != null) {
        used.add(match);
      } else {
        problems.add(drift(line, block, regions));
      }
    }
    regions.keySet().stream().filter(name -> !used.contains(name))
        .forEach(name -> problems.add("region readme:" + name + " is not in README.md (add it or remove the markers)"));
    assertThat(problems).as(String.join("\n\n", problems)).isEmpty();
  }

  /** Says which region the block is closest to and where the two first differ. */
  private static String drift(int line, String block, Map<String, String> regions) {
    String[] got = block.split("\n", -1);
    String bestName = "(none)";
    String[] best = new String[0];
    long bestScore = -1;
    for (Map.Entry<String, String> e : regions.entrySet()) {
      List<String> lines = List.of(e.getValue().split("\n", -1));
      long score = Stream.of(got).filter(lines::contains).count();
      if (score > bestScore) {
        bestScore = score;
        bestName = e.getKey();
        best = e.getValue().split("\n", -1);
      }
    }
    int i = 0;
    while (i < got.length && i < best.length && got[i].equals(best[i])) {
      i++;
    }
    return "README.md line " + line + ": this ```java block matches no // readme:NAME region in " + SOURCES
        + "\n  closest region: readme:" + bestName + ", first difference at snippet line " + (i + 1)
        + "\n  README: " + (i < got.length ? got[i] : "(ends)")
        + "\n  source: " + (i < best.length ? best[i] : "(ends)");
  }

  private static Map<String, String> regions() throws IOException {
    Map<String, String> regions = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        Matcher m = REGION.matcher(Files.readString(file));
        while (m.find()) {
          assertThat(regions.put(m.group(1), normalize(m.group(2)))).as("region readme:" + m.group(1) + " twice").isNull();
        }
      }
    }
    return regions;
  }

  /** Strips trailing blanks, leading/trailing empty lines and the indentation all lines share. */
  static String normalize(String text) {
    List<String> lines = new ArrayList<>(text.lines().map(String::stripTrailing).toList());
    while (!lines.isEmpty() && lines.get(0).isEmpty()) {
      lines.remove(0);
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    int indent = lines.stream().filter(l -> !l.isEmpty())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    return String.join("\n", lines.stream().map(l -> l.isEmpty() ? l : l.substring(indent)).toList());
  }
}
