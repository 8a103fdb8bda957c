package dev.rekey.bench;

/**
 * Run in a fresh JVM by {@link BenchMain}: builds one client, makes one call and prints {@code OK}
 * once it succeeded. The launcher times fresh JVM start to that line.
 */
public final class ColdStart {
  private ColdStart() {}

  /** {@code args[0]} is a {@link Client} name. */
  public static void main(String[] args) {
    Object result;
    try (Call call = Client.valueOf(args[0]).open()) {
      result = call.call();
      System.out.println(result != null ? "OK" : "NULL");
      System.out.flush();
    }
    System.exit(0);
  }
}
