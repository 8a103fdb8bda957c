package dev.rekey.reliability.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a user of a published module sees of a class: its supertypes and its public and protected
 * members (inherited ones from Rekey's own classes too, as a public builder inherits from a
 * generated one), with every type they name, type arguments and bounds included.
 */
final class PublicSignatures {
  private PublicSignatures() {}

  /** Every published module's packages (sdk-testkit-clients is under {@code dev.rekey.testkit}). */
  static final String[] PUBLISHED = {
    "dev.rekey.core..",
    "dev.rekey.azure..",
    "dev.rekey.acr..",
    "dev.rekey.netapp..",
    "dev.rekey.ontap..",
    "dev.rekey.rotation..",
    "dev.rekey.testkit.."
  };

  /**
   * The documented escape hatch: {@code ClientOptions.okHttpClient} (and what Immutables generates
   * for it: the builder's setters and {@code withOkHttpClient}) hands Rekey an application's
   * client.
   */
  static boolean isEscapeHatch(JavaMember member) {
    return member
            .getOwner()
            .getName()
            .matches("dev\\.rekey\\.core\\.(Immutable)?ClientOptions(\\$Builder)?")
        && member.getName().matches("okHttpClient|withOkHttpClient");
  }

  /**
   * Returns a condition that a visible class shows no type from {@code packages} in its signature.
   */
  static ArchCondition<JavaClass> exposeNoLibraryType(String... packages) {
    DescribedPredicate<JavaClass> library = JavaClass.Predicates.resideInAnyPackage(packages);
    return new ArchCondition<>(
        "expose no type of " + String.join(", ", packages) + " in a public signature") {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        if (!isVisible(c)) {
          return;
        }
        List<String> found = new ArrayList<>();
        c.getSuperclass().ifPresent(t -> note(found, "extends", t, library));
        c.getInterfaces().forEach(t -> note(found, "implements", t, library));
        Stream.of(c.getAllFields(), c.getAllMethods(), c.getAllConstructors())
            .flatMap(Collection::stream)
            .filter(
                m ->
                    m.getOwner().getName().startsWith("dev.rekey.")
                        && isApi(m, c)
                        && !isEscapeHatch(m))
            .forEach(m -> types(m).forEach(t -> note(found, m.getFullName(), t, library)));
        found.forEach(f -> events.add(SimpleConditionEvent.violated(c, c.getName() + ": " + f)));
      }
    };
  }

  private static boolean isVisible(JavaClass c) {
    for (Optional<JavaClass> k = Optional.of(c); k.isPresent(); k = k.get().getEnclosingClass()) {
      if (!k.get().getModifiers().contains(JavaModifier.PUBLIC)) {
        return false;
      }
    }
    return true;
  }

  /** Public, or protected in a class a user can extend; never compiler-made. */
  private static boolean isApi(JavaMember m, JavaClass seenFrom) {
    if (m.getModifiers().contains(JavaModifier.SYNTHETIC)
        || m.getModifiers().contains(JavaModifier.BRIDGE)) {
      return false;
    }
    if (m instanceof com.tngtech.archunit.core.domain.JavaConstructor
        && !m.getOwner().equals(seenFrom)) {
      return false;
    }
    return m.getModifiers().contains(JavaModifier.PUBLIC)
        || (m.getModifiers().contains(JavaModifier.PROTECTED)
            && !seenFrom.getModifiers().contains(JavaModifier.FINAL));
  }

  private static List<JavaType> types(JavaMember m) {
    List<JavaType> types = new ArrayList<>();
    if (m instanceof com.tngtech.archunit.core.domain.JavaField f) {
      types.add(f.getType());
    } else if (m instanceof JavaCodeUnit u) {
      types.add(u.getReturnType());
      types.addAll(u.getParameterTypes());
      types.addAll(u.getThrowsClause().getTypes());
      types.addAll(u.getTypeParameters());
    }
    return types;
  }

  private static void note(
      List<String> found, String where, JavaType type, DescribedPredicate<JavaClass> library) {
    type.getAllInvolvedRawTypes().stream()
        .filter(library)
        .map(HasName::getName)
        .distinct()
        .forEach(n -> found.add(where + " names " + n));
  }
}
