package io.github.workerbench.core.engine;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Every log event of one test, with the root logger at DEBUG, so that a test can look for what
 * must never be logged: a JUnit extension, registered as an instance {@code RegisterExtension}
 * field, that attaches a list appender to the root logger before each test and detaches it after.
 * The root's level and any logger levels it was given (wire loggers kept at INFO, say) are set
 * before the test and put back after it.
 */
final class DebugLogs implements BeforeEachCallback, AfterEachCallback {

  private record Saved(Logger logger, Level level) {}

  private final Map<String, Level> levels;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Deque<Saved> saved = new ArrayDeque<>();
  private Logger root;

  /** @param levels the level each named logger has during the test, besides the root's DEBUG */
  DebugLogs(Map<String, Level> levels) {
    this.levels = Map.copyOf(levels);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    LoggerContext loggers = (LoggerContext) LoggerFactory.getILoggerFactory();
    root = loggers.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    set(root, Level.DEBUG);
    levels.forEach((name, level) -> set(loggers.getLogger(name), level));
    appender.setContext(loggers);
    appender.start();
    root.addAppender(appender);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    root.detachAppender(appender);
    while (!saved.isEmpty()) {
      Saved previous = saved.pop();
      previous.logger().setLevel(previous.level());
    }
  }

  /** What was logged so far in this test. */
  List<ILoggingEvent> events() {
    return appender.list;
  }

  private void set(Logger logger, Level level) {
    saved.push(new Saved(logger, logger.getLevel()));
    logger.setLevel(level);
  }
}
