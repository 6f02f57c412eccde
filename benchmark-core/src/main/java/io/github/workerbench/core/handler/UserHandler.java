package io.github.workerbench.core.handler;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobHandler;
import io.github.workerbench.api.AsyncJobHandler;
import io.github.workerbench.model.scenario.StrategyKind;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A user's own job handler, loaded from its jar: an instance of a class implementing the Camunda
 * client's blocking {@link JobHandler} or the project's non-blocking {@link AsyncJobHandler}, made
 * with its public constructor without arguments in a class loader of its own over the handler's
 * class path, whose parent is the harness's (so the client's types are the harness's own).
 *
 * <p>Everything that stops a handler from running is found by {@link #load} (and {@link
 * #requireRunnableBy} for the strategy) before anything runs, as one {@link HandlerException}
 * line naming the class and the jar. One instance serves every job of a worker, as in production:
 * thread-safety is the handler's. {@link #close()} closes the class loader.
 */
public final class UserHandler implements AutoCloseable {

  /** How {@link #classpath()} names a handler loaded from the harness's own class path. */
  public static final String HARNESS_CLASS_PATH = "the harness's class path";

  private final String className;
  private final String classpath;
  private final URLClassLoader loader;
  private final JobHandler blocking;
  private final AsyncJobHandler nonBlocking;

  private UserHandler(
      String className,
      String classpath,
      URLClassLoader loader,
      JobHandler blocking,
      AsyncJobHandler nonBlocking) {
    this.className = className;
    this.classpath = classpath;
    this.loader = loader;
    this.blocking = blocking;
    this.nonBlocking = nonBlocking;
  }

  /**
   * Loads and makes the handler.
   *
   * @param className the handler's class, e.g. {@code com.acme.MyHandler}
   * @param classpath the jar (or class path, entries separated by {@link File#pathSeparator})
   *     that holds it; {@code null} or blank for the harness's own class path
   * @throws HandlerException naming the class and the jar when it cannot run
   */
  public static UserHandler load(String className, String classpath) {
    String where = classpath == null || classpath.isBlank() ? HARNESS_CLASS_PATH : classpath;
    String named = "handler " + className + " (" + where + ")";
    URLClassLoader loader = new URLClassLoader(urls(classpath, className), UserHandler.class.getClassLoader());
    try {
      Class<?> type;
      try {
        type = Class.forName(className, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        throw new HandlerException(
            "handler " + className + ": no such class in " + where
                + (e instanceof LinkageError ? " (" + e + ")" : ""),
            e);
      }
      boolean isBlocking = JobHandler.class.isAssignableFrom(type);
      boolean isNonBlocking = AsyncJobHandler.class.isAssignableFrom(type);
      if (!isBlocking && !isNonBlocking) {
        throw new HandlerException(
            named + " implements neither " + JobHandler.class.getName() + " nor "
                + AsyncJobHandler.class.getName());
      }
      if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
        throw new HandlerException(named + " is abstract: name a class that can be made");
      }
      Constructor<?> constructor;
      try {
        constructor = type.getConstructor();
      } catch (NoSuchMethodException e) {
        throw new HandlerException(named + " has no public constructor without arguments", e);
      }
      Object instance;
      try {
        instance = constructor.newInstance();
      } catch (InvocationTargetException e) {
        throw new HandlerException(
            named + " threw in its constructor: " + oneLine(e.getCause()), e.getCause());
      } catch (ReflectiveOperationException | LinkageError e) {
        throw new HandlerException(named + " cannot be made: " + oneLine(e), e);
      }
      return new UserHandler(
          className,
          where,
          loader,
          isBlocking ? (JobHandler) instance : null,
          isNonBlocking ? (AsyncJobHandler) instance : null);
    } catch (RuntimeException e) {
      closeQuietly(loader);
      throw e;
    }
  }

  /**
   * Checks that {@code strategy} can run this handler: the event loop only one that never
   * blocks.
   *
   * @throws HandlerException saying why, in one line
   */
  public void requireRunnableBy(StrategyKind strategy) {
    if (strategy == StrategyKind.ASYNC && nonBlocking == null) {
      throw new HandlerException(
          "handler " + className + " (" + classpath + ") implements the blocking "
              + JobHandler.class.getName() + ", but the async strategy runs only an "
              + AsyncJobHandler.class.getName() + " (handle returns a CompletionStage), so that"
              + " nothing blocks its one event-loop thread: implement it, or use the thread,"
              + " virtual, process or auto strategy");
    }
  }

  /**
   * Loads the handler, checks {@code strategy} can run it and lets it go: what the command line
   * does before anything runs.
   *
   * @throws HandlerException naming the class and the jar when it cannot run
   */
  public static void check(String className, String classpath, StrategyKind strategy) {
    try (UserHandler handler = load(className, classpath)) {
      handler.requireRunnableBy(strategy);
    }
  }

  /** Whether it is an {@link AsyncJobHandler}, which the event loop can run. */
  public boolean nonBlocking() {
    return nonBlocking != null;
  }

  /** The handler's class name. */
  public String className() {
    return className;
  }

  /** Where the handler was loaded from, as given (or "the harness's class path"). */
  public String classpath() {
    return classpath;
  }

  /**
   * Runs the handler for {@code job} on this thread: a blocking handler to its end, a
   * non-blocking one until its stage completes.
   *
   * @throws Exception what the handler threw (or its stage failed with)
   */
  public void handleBlocking(JobClient client, ActivatedJob job) throws Exception {
    if (blocking != null) {
      blocking.handle(client, job);
      return;
    }
    try {
      nonBlocking.handle(client, job).toCompletableFuture().get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /**
   * Starts the non-blocking handler for {@code job}; the stage completes when it is done with
   * the job (exceptionally when it threw).
   *
   * @throws IllegalStateException for a blocking handler ({@link #requireRunnableBy} refuses it)
   */
  public CompletionStage<?> handleAsync(JobClient client, ActivatedJob job) {
    if (nonBlocking == null) {
      throw new IllegalStateException(className + " is a blocking handler");
    }
    try {
      CompletionStage<?> stage = nonBlocking.handle(client, job);
      return stage == null ? CompletableFuture.completedFuture(null) : stage;
    } catch (Exception e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public void close() {
    closeQuietly(loader);
  }

  /** The handler class path's entries as URLs, every one an existing file or folder. */
  private static URL[] urls(String classpath, String className) {
    if (classpath == null || classpath.isBlank()) {
      return new URL[0];
    }
    List<URL> urls = new ArrayList<>();
    for (String entry : entries(classpath)) {
      Path path = Path.of(entry);
      if (!Files.exists(path)) {
        throw new HandlerException(
            "handler " + className + ": " + entry + " does not exist (the handler's jar or class"
                + " folder)");
      }
      try {
        urls.add(path.toAbsolutePath().toUri().toURL());
      } catch (MalformedURLException e) {
        throw new HandlerException("handler " + className + ": " + entry + " is no valid path", e);
      }
    }
    return urls.toArray(URL[]::new);
  }

  /** The class path's entries, blank ones left out. */
  public static List<String> entries(String classpath) {
    return Arrays.stream(classpath.split(File.pathSeparator)).filter(e -> !e.isBlank()).toList();
  }

  private static String oneLine(Throwable e) {
    String text = e.getMessage() == null ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    return text.replaceAll("\\s+", " ").strip();
  }

  private static void closeQuietly(URLClassLoader loader) {
    try {
      loader.close();
    } catch (IOException e) {
      // nothing held open that matters
    }
  }
}
