package dev.rekey.core.test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.slf4j.LoggerFactory;

/**
 * The secret canary sweep: registered for every test of every module through {@code
 * META-INF/services/org.junit.jupiter.api.extension.Extension} and the root pom's {@code
 * junit.jupiter.extensions.autodetection.enabled=true}. It logs {@code dev.rekey} at TRACE and
 * OkHttp (java.util.logging) at ALL, watches every log line, and fails the test when a line or an
 * exception the test threw carries a canary: any text with {@link Canaries#MARKER} (the fixed
 * canaries and every secret an sdk-testkit emulator issues) or a value of {@link Canary#named}. The
 * test servers' own loggers are not watched: they echo bodies and tokens by design.
 */
public final class CanarySweep
    implements BeforeAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        AfterAllCallback,
        TestExecutionExceptionHandler {
  /** Loggers of the servers a test runs; what they write is the server side, not the SDK. */
  static final List<String> SERVER_LOGGERS =
      List.of(
          "com.github.tomakehurst",
          "wiremock",
          "org.wiremock",
          "org.eclipse.jetty",
          "mockwebserver3",
          "okhttp3.mockwebserver",
          "dev.rekey.testkit",
          "com.sun.net.httpserver");

  private static final Set<String> NAMED = ConcurrentHashMap.newKeySet();
  private static final List<String> LEAKS = new ArrayList<>();
  private static volatile boolean installed;

  /** Adds {@code value} to the canaries every test is swept for; {@link Canary#named} calls it. */
  public static void register(String value) {
    NAMED.add(value);
  }

  /** Returns whether the sweep runs in this JVM: it has been installed around a test. */
  public static boolean isActive() {
    return installed;
  }

  /** Returns whether {@code text} carries any canary. */
  public static boolean carriesCanary(String text) {
    if (Canaries.hasMarker(text)) {
      return true;
    }
    for (String value : NAMED) {
      if (text.contains(value)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    install();
  }

  /**
   * Installs the sweep; lines logged since the last check (a {@code @BeforeAll}, say) count too.
   */
  @Override
  public void beforeEach(ExtensionContext context) {
    install();
  }

  /** Fails the class when its {@code @AfterAll} work logged a canary. */
  @Override
  public void afterAll(ExtensionContext context) {
    afterEach(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    List<String> leaks;
    synchronized (LEAKS) {
      leaks = List.copyOf(LEAKS);
      LEAKS.clear();
    }
    if (!leaks.isEmpty()) {
      throw new AssertionError(
          "canary sweep: a secret reached the logs during "
              + context.getDisplayName()
              + ":\n"
              + String.join("\n", leaks));
    }
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable thrown)
      throws Throwable {
    if (!(thrown instanceof AssertionError)) {
      for (String text : Canary.describeChain(thrown)) {
        if (carriesCanary(text)) {
          throw new AssertionError(
              "canary sweep: the test threw "
                  + thrown.getClass().getName()
                  + " whose message, cause or toString carries a secret",
              thrown);
        }
      }
    }
    throw thrown;
  }

  private static synchronized void install() {
    if (installed) {
      return;
    }
    if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
      ((Logger) LoggerFactory.getLogger("dev.rekey")).setLevel(Level.TRACE);
      Appender appender = new Appender();
      appender.setContext(root.getLoggerContext());
      appender.setName("canary-sweep");
      appender.start();
      root.addAppender(appender);
    }
    java.util.logging.Logger okhttp = java.util.logging.Logger.getLogger("okhttp3");
    okhttp.setLevel(java.util.logging.Level.ALL);
    okhttp.addHandler(new JulHandler());
    installed = true;
  }

  static void check(String logger, String line) {
    if (carriesCanary(line)) {
      for (String server : SERVER_LOGGERS) {
        if (logger.startsWith(server)) {
          return;
        }
      }
      synchronized (LEAKS) {
        LEAKS.add(logger + ": " + line);
      }
    }
  }

  /** Formats on the logging thread without a lock (see {@link LogCapture} for why). */
  private static final class Appender extends UnsynchronizedAppenderBase<ILoggingEvent> {
    @Override
    protected void append(ILoggingEvent event) {
      StringBuilder s = new StringBuilder(event.getFormattedMessage());
      for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        s.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
        for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
          s.append("\n\t").append(frame.getSTEAsString());
        }
        for (IThrowableProxy suppressed : t.getSuppressed()) {
          s.append(" | suppressed ")
              .append(suppressed.getClassName())
              .append(": ")
              .append(suppressed.getMessage());
        }
      }
      check(event.getLoggerName(), s.toString());
    }
  }

  private static final class JulHandler extends Handler {
    @Override
    public void publish(LogRecord record) {
      StringBuilder s = new StringBuilder(String.valueOf(record.getMessage()));
      if (record.getParameters() != null) {
        for (Object p : record.getParameters()) {
          s.append(' ').append(p);
        }
      }
      for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
        s.append(" | ").append(t);
      }
      check(String.valueOf(record.getLoggerName()), s.toString());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
