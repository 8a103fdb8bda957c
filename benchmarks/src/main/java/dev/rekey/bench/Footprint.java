package dev.rekey.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Each client's runtime classpath: the closure of its artifacts in the module's verbose dependency
 * tree (as Maven resolved it for this module, with the root pom's managed versions), mapped to the
 * jars of the module's runtime classpath. Same definition as {@code scripts/footprint.sh}: every
 * runtime jar the application gets, counted once.
 */
final class Footprint {
  private final Map<String, List<String>> children = new HashMap<>();
  private final Map<String, String> versions = new HashMap<>();
  private final List<Path> classpath;

  Footprint(Path tree, Path classpathFile) {
    try {
      parse(Files.readAllLines(tree));
      classpath =
          Stream.of(Files.readString(classpathFile).trim().split(java.io.File.pathSeparator))
              .map(Path::of)
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses lines like {@code | +- g:a:jar[:classifier]:version:scope (...)}; omitted ones add an
   * edge only.
   */
  private void parse(List<String> lines) {
    Deque<String> parents = new ArrayDeque<>();
    for (String line : lines.subList(1, lines.size())) {
      int start = 0;
      while (start < line.length() && "|+-\\ ".indexOf(line.charAt(start)) >= 0) {
        start++;
      }
      int depth = start / 3;
      boolean omitted = line.charAt(start) == '(';
      String coords = line.substring(omitted ? start + 1 : start).split("[ )]")[0];
      String[] p = coords.split(":");
      String key = p[0] + ":" + p[1] + ":" + p[2] + (p.length == 6 ? ":" + p[3] : "");
      String version = p[p.length - 2];
      while (parents.size() >= depth) {
        parents.pop();
      }
      if (!parents.isEmpty()) {
        children.computeIfAbsent(parents.peek(), k -> new ArrayList<>()).add(key);
      }
      if (!omitted) {
        versions.put(key, version);
      }
      parents.push(key);
    }
  }

  /** Returns the jars (or reactor class directories) that {@code roots} need at run time. */
  List<Path> jars(List<String> roots) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(roots);
    while (!todo.isEmpty()) {
      String key = todo.pop();
      if (seen.add(key)) {
        todo.addAll(children.getOrDefault(key, List.of()));
      }
    }
    List<Path> out = new ArrayList<>();
    for (String key : seen) {
      Path jar = locate(key);
      if (jar != null) {
        out.add(jar);
      }
    }
    return out;
  }

  private Path locate(String key) {
    String[] p = key.split(":");
    String version = versions.get(key);
    String fileName = p[1] + "-" + version + (p.length == 4 ? "-" + p[3] : "") + ".jar";
    String groupPath = p[0].replace('.', '/') + "/" + p[1] + "/";
    for (Path entry : classpath) {
      String s = entry.toString().replace('\\', '/');
      if (s.endsWith("/" + fileName) && s.contains(groupPath)) {
        return entry;
      }
      // reactor modules: <module>/target/<artifact>-<version>.jar or <module>/target/classes
      if (p[0].equals("dev.rekey")
          && (s.endsWith("/" + p[1] + "/target/classes") || s.endsWith("/target/" + fileName))) {
        return entry;
      }
    }
    return null;
  }

  /** Returns the total size in bytes of {@code entries} (a directory counts its files). */
  static long bytes(List<Path> entries) {
    long total = 0;
    for (Path e : entries) {
      try (Stream<Path> files = Files.isDirectory(e) ? Files.walk(e) : Stream.of(e)) {
        total += files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    }
    return total;
  }
}
