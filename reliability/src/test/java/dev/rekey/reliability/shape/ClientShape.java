package dev.rekey.reliability.shape;

import dev.rekey.core.poll.Operation;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Reads a client class by reflection and lists where it breaks the one client shape: every
 * operation {@code op} has {@code op(R)}, {@code op(Consumer<R.Builder>)}, {@code opAsync} in both
 * forms returning {@code CompletableFuture<T>}, and when long-running {@code beginOp} in both forms
 * returning {@code Operation<T>}; {@code T} is an object, not a bare collection; the builder is the
 * nested {@code Builder} returned by {@code builder()}; an api-version constant is named {@code
 * DEFAULT_API_VERSION}.
 */
final class ClientShape {
  private static final Set<String> NOT_OPERATIONS =
      Set.of("close", "toString", "hashCode", "equals");

  private ClientShape() {}

  /**
   * Returns every break of the shape in {@code client}; {@code longRunning} names its long-running
   * operations.
   */
  static List<String> problems(Class<?> client, Set<String> longRunning) {
    List<String> problems = new ArrayList<>();
    Set<String> operations = new TreeSet<>(longRunning);
    for (Method m : publicMethods(client)) {
      if (m.getParameterCount() == 0 && !returnsAsync(m)) {
        continue; // an accessor such as apiVersion()
      }
      if (m.getParameterCount() != 1) {
        problems.add(
            m.getName()
                + Arrays.toString(m.getParameterTypes())
                + ": an operation takes one request");
        continue;
      }
      operations.add(operation(m.getName()));
    }
    for (String op : operations) {
      checkOperation(client, op, longRunning.contains(op), problems);
    }
    checkBuilder(client, problems);
    checkConstants(client, problems);
    return problems;
  }

  private static void checkOperation(
      Class<?> client, String op, boolean longRunning, List<String> problems) {
    Optional<Method> sync = requestForm(client, op);
    if (sync.isEmpty()) {
      problems.add(op + "(Request): missing (a request type with a nested Builder)");
      return;
    }
    Class<?> request = sync.get().getParameterTypes()[0];
    Class<?> builder = nested(request, "Builder");
    Type result = sync.get().getGenericReturnType();
    if (result instanceof Class<?> c
            && (Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c))
        || result instanceof ParameterizedType p
            && p.getRawType() instanceof Class<?> raw
            && (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw))) {
      problems.add(op + " returns " + result.getTypeName() + ": results are objects");
    }
    Type boxed =
        result instanceof Class<?> c ? MethodType.methodType(c).wrap().returnType() : result;
    String asyncName = op + "Async";
    String beginName = "begin" + Character.toUpperCase(op.charAt(0)) + op.substring(1);
    expect(client, op, builder, null, result, problems);
    expect(client, asyncName, request, CompletableFuture.class, boxed, problems);
    expect(client, asyncName, builder, CompletableFuture.class, boxed, problems);
    boolean hasBegin = publicMethods(client).stream().anyMatch(m -> m.getName().equals(beginName));
    if (longRunning || hasBegin) {
      expect(client, beginName, request, Operation.class, boxed, problems);
      expect(client, beginName, builder, Operation.class, boxed, problems);
    }
  }

  /**
   * Expects {@code name(request)} or, when {@code param} is a Builder, {@code
   * name(Consumer<Builder>)}.
   */
  private static void expect(
      Class<?> client,
      String name,
      Class<?> param,
      Class<?> wrapper,
      Type result,
      List<String> problems) {
    boolean consumer = param.getSimpleName().equals("Builder");
    String form =
        name
            + (consumer
                ? "(Consumer<" + param.getEnclosingClass().getSimpleName() + ".Builder>)"
                : "(" + param.getSimpleName() + ")");
    Optional<Method> found =
        publicMethods(client).stream()
            .filter(m -> m.getName().equals(name) && m.getParameterCount() == 1)
            .filter(
                m ->
                    consumer
                        ? consumerOf(m.getGenericParameterTypes()[0], param)
                        : m.getParameterTypes()[0] == param)
            .findFirst();
    if (found.isEmpty()) {
      problems.add(form + ": missing");
      return;
    }
    Type returned = found.get().getGenericReturnType();
    boolean ok =
        wrapper == null
            ? returned.equals(result)
            : returned instanceof ParameterizedType p
                && p.getRawType() == wrapper
                && p.getActualTypeArguments()[0].equals(result);
    if (!ok) {
      problems.add(
          form
              + ": returns "
              + returned.getTypeName()
              + ", expected "
              + (wrapper == null
                  ? result.getTypeName()
                  : wrapper.getSimpleName() + "<" + result.getTypeName() + ">"));
    }
  }

  private static void checkBuilder(Class<?> client, List<String> problems) {
    Class<?> builder = nested(client, "Builder");
    boolean factory =
        builder != null
            && publicMethods(client, true).stream()
                .anyMatch(
                    m ->
                        m.getName().equals("builder")
                            && m.getParameterCount() == 0
                            && m.getReturnType() == builder);
    if (!factory) {
      problems.add(
          "builder(): missing or not returning the nested " + client.getSimpleName() + ".Builder");
    }
    try {
      Class.forName(client.getName() + "Builder", false, client.getClassLoader());
      problems.add(
          client.getSimpleName()
              + "Builder: builders are nested as "
              + client.getSimpleName()
              + ".Builder");
    } catch (ClassNotFoundException expected) {
      // as it should be
    }
  }

  private static void checkConstants(Class<?> client, List<String> problems) {
    for (Field f : client.getFields()) {
      if (Modifier.isStatic(f.getModifiers())
          && f.getName().contains("VERSION")
          && !f.getName().equals("DEFAULT_API_VERSION")) {
        problems.add(f.getName() + ": the api-version constant is named DEFAULT_API_VERSION");
      }
    }
  }

  private static Optional<Method> requestForm(Class<?> client, String op) {
    return publicMethods(client).stream()
        .filter(m -> m.getName().equals(op) && m.getParameterCount() == 1)
        .filter(m -> nested(m.getParameterTypes()[0], "Builder") != null)
        .findFirst();
  }

  private static boolean consumerOf(Type type, Class<?> builder) {
    return type instanceof ParameterizedType p
        && p.getRawType() == Consumer.class
        && p.getActualTypeArguments()[0] == builder;
  }

  private static boolean returnsAsync(Method m) {
    return m.getReturnType() == CompletableFuture.class || m.getReturnType() == Operation.class;
  }

  private static String operation(String method) {
    String op =
        method.endsWith("Async") ? method.substring(0, method.length() - "Async".length()) : method;
    if (op.startsWith("begin") && op.length() > 5 && Character.isUpperCase(op.charAt(5))) {
      op = Character.toLowerCase(op.charAt(5)) + op.substring(6);
    }
    return op;
  }

  private static Class<?> nested(Class<?> owner, String name) {
    return Arrays.stream(owner.getClasses())
        .filter(c -> c.getSimpleName().equals(name) && Modifier.isStatic(c.getModifiers()))
        .findFirst()
        .orElse(null);
  }

  private static List<Method> publicMethods(Class<?> client) {
    return publicMethods(client, false);
  }

  private static List<Method> publicMethods(Class<?> client, boolean statics) {
    return Arrays.stream(client.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge())
        .filter(m -> Modifier.isStatic(m.getModifiers()) == statics)
        .filter(m -> statics || !NOT_OPERATIONS.contains(m.getName()))
        .toList();
  }
}
