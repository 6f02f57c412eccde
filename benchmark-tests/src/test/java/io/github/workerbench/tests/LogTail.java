package io.github.workerbench.tests;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.LoggerFactory;

/**
 * Keeps the last lines logged (by every logger, at the levels logback-test.xml lets through)
 * while one scenario runs, to attach them to a failed test.
 *
 * <p>Thread-safe: the engine and worker threads append while the test thread reads.
 */
final class LogTail extends AppenderBase<ILoggingEvent> {

  private final int maxLines;
  private final Deque<String> lines = new ArrayDeque<>();
  private final PatternLayout layout = new PatternLayout();

  private LogTail(int maxLines) {
    this.maxLines = maxLines;
  }

  /** A tail of at most {@code maxLines} lines, attached to the root logger from now on. */
  static LogTail attach(int maxLines) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    LogTail tail = new LogTail(maxLines);
    tail.setContext(context);
    tail.setName("scenario-log-tail");
    tail.layout.setContext(context);
    tail.layout.setPattern("%d{HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %msg%n%ex{12}");
    tail.layout.start();
    tail.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(tail);
    return tail;
  }

  /** Stops collecting; the lines stay readable. */
  void detach() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
    stop();
  }

  /** The lines kept, oldest first. */
  synchronized String text() {
    if (lines.isEmpty()) {
      return "(nothing was logged while the scenario ran)\n";
    }
    return String.join("", lines);
  }

  @Override
  protected synchronized void append(ILoggingEvent event) {
    // A multi-line entry (a stack trace) counts as one line: the tail keeps whole entries.
    lines.addLast(layout.doLayout(event));
    while (lines.size() > maxLines) {
      lines.removeFirst();
    }
  }
}
