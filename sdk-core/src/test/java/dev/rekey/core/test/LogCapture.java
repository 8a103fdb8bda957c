package dev.rekey.core.test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * A JUnit extension that captures everything logged (all loggers, TRACE and up, throwables included)
 * during each test, so a test can assert what was, and was not, written.
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback {
  private final Appender appender = new Appender();

  @Override
  public void beforeEach(ExtensionContext context) {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
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

  private static final class Appender extends AppenderBase<ILoggingEvent> {
    private final List<String> lines = new ArrayList<>();
    private final List<String> loggers = new ArrayList<>();

    @Override
    protected synchronized void append(ILoggingEvent event) {
      StringBuilder s =
          new StringBuilder(event.getLevel().toString())
              .append(' ')
              .append(event.getLoggerName())
              .append(' ')
              .append(event.getFormattedMessage());
      for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        s.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
      }
      lines.add(s.toString());
      loggers.add(event.getLoggerName());
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
