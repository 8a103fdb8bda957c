package dev.rekey.core.test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * A JUnit extension that captures everything logged (all loggers, TRACE and up, throwables
 * included) during each test, so a test can assert what was, and was not, written.
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback {
  private final Appender appender = new Appender();
  private Level rootLevelBefore = Level.INFO;

  @Override
  public void beforeEach(ExtensionContext context) {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    rootLevelBefore = root.getLevel();
    root.setLevel(Level.TRACE);
    appender.clear();
    appender.setContext(root.getLoggerContext());
    appender.start();
    root.addAppender(appender);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAppender(appender);
    appender.stop();
    root.setLevel(rootLevelBefore); // later tests in this JVM should not pay for TRACE logging
  }

  /** Returns every captured line: level, logger, formatted message and any throwable's messages. */
  public String text() {
    return String.join("\n", appender.lines());
  }

  /** Returns the captured lines of loggers whose names start with none of {@code prefixes}. */
  public List<String> linesExceptFrom(String... prefixes) {
    return appender.linesExceptFrom(prefixes);
  }

  /** Returns the captured lines written by {@code loggerName}. */
  public List<String> linesOf(String loggerName) {
    return appender.linesOf(loggerName);
  }

  /**
   * Formats each event on the logging thread without holding any lock, and only then records it
   * under this appender's own lock. (A synchronized {@code AppenderBase} formats under its monitor;
   * Jetty's debug messages call {@code toString()} on objects guarded by Jetty's locks, and two
   * Jetty threads logging at once then deadlock: each holds what the other needs.)
   */
  private static final class Appender extends UnsynchronizedAppenderBase<ILoggingEvent> {
    private final List<String> lines = new ArrayList<>();
    private final List<String> loggers = new ArrayList<>();

    @Override
    protected void append(ILoggingEvent event) {
      StringBuilder s =
          new StringBuilder(event.getLevel().toString())
              .append(' ')
              .append(event.getLoggerName())
              .append(' ')
              .append(event.getFormattedMessage());
      for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        s.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
      }
      record(event.getLoggerName(), s.toString());
    }

    private synchronized void record(String logger, String line) {
      lines.add(line);
      loggers.add(logger);
    }

    synchronized void clear() {
      lines.clear();
      loggers.clear();
    }

    synchronized List<String> lines() {
      return List.copyOf(lines);
    }

    synchronized List<String> linesExceptFrom(String... prefixes) {
      List<String> out = new ArrayList<>();
      outer:
      for (int i = 0; i < lines.size(); i++) {
        for (String prefix : prefixes) {
          if (loggers.get(i).startsWith(prefix)) {
            continue outer;
          }
        }
        out.add(lines.get(i));
      }
      return out;
    }

    synchronized List<String> linesOf(String name) {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        if (loggers.get(i).equals(name)) {
          out.add(lines.get(i));
        }
      }
      return out;
    }
  }
}
