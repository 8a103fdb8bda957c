package dev.rekey.testkit.clients;

import dev.rekey.testkit.Emulators;
import dev.rekey.testkit.junit.EmulatedClients;
import java.util.HashSet;
import java.util.Set;

/**
 * The part every provider shares: it offers the client classes of its service module that are on
 * the class path, and refuses other types. A subclass must touch its module's classes only inside
 * {@link #build}, through a nested class, so that it still loads when the module is absent.
 */
abstract class ServiceClients implements EmulatedClients {
  private final Set<Class<?>> types;

  ServiceClients(String... clientClassNames) {
    Set<Class<?>> found = new HashSet<>();
    for (String name : clientClassNames) {
      found.addAll(ifPresent(getClass(), name));
    }
    types = Set.copyOf(found);
  }

  /** Returns the provider's client classes that are on the class path; empty without its module. */
  @Override
  public final Set<Class<?>> clientTypes() {
    return types;
  }

  /**
   * Returns a new client of {@code type} pointed at its emulator in {@code emulators}.
   *
   * @throws IllegalArgumentException if {@code type} is not one of {@link #clientTypes()}
   */
  @Override
  public final AutoCloseable create(Class<?> type, Emulators emulators) {
    if (!types.contains(type)) {
      throw new IllegalArgumentException(
          getClass().getSimpleName() + " does not build " + type.getName());
    }
    return build(type.getName(), emulators);
  }

  /** Returns the client whose class is named {@code typeName}, one of {@link #clientTypes()}. */
  abstract AutoCloseable build(String typeName, Emulators emulators);

  /**
   * Returns {@code {type}} when the class named {@code className} can be loaded by {@code owner}'s
   * class loader, else the empty set: a provider whose service module is missing then offers
   * nothing.
   */
  static Set<Class<?>> ifPresent(Class<?> owner, String className) {
    try {
      return Set.of(Class.forName(className, false, owner.getClassLoader()));
    } catch (ClassNotFoundException | LinkageError e) {
      return Set.of();
    }
  }
}
