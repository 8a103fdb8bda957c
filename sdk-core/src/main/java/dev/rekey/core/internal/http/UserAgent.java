package dev.rekey.core.internal.http;

import dev.rekey.core.ClientOptions;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Builds {@code rekey-java/<version> <module>/<version> Java/<version> [suffix]}. */
final class UserAgent {
  static final String VERSION = readVersion();

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

  private static String readVersion() {
    try (InputStream in =
        UserAgent.class.getResourceAsStream("/dev/rekey/core/version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }
}
