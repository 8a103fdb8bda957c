package dev.rekey.core.internal.http;

import dev.rekey.core.ClientOptions;

/** Builds {@code rekey-java/<version> <module>/<version> Java/<version> [suffix]}. */
final class UserAgent {
  static final String VERSION = RekeyVersion.VALUE;

  private UserAgent() {}

  static String of(String module, ClientOptions options) {
    String ua =
        "rekey-java/"
            + VERSION
            + " "
            + module
            + "/"
            + VERSION
            + " Java/"
            + System.getProperty("java.version");
    return options.userAgentSuffix().map(s -> ua + " " + s).orElse(ua);
  }
}
