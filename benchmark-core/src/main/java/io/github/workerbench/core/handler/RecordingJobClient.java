package io.github.workerbench.core.handler;

import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.command.ActivateJobsCommandStep1;
import io.camunda.client.api.command.CompleteJobCommandStep1;
import io.camunda.client.api.command.FailJobCommandStep1;
import io.camunda.client.api.command.StreamJobsCommandStep1;
import io.camunda.client.api.command.ThrowErrorCommandStep1;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * The {@link JobClient} a user's handler gets for one job: the worker's own client (every command
 * and option passes through unchanged) that records what the handler does with the job. When the
 * engine acknowledges a completion, failure or error the handler sent, the {@link Listener} hears
 * it with the time, so the harness counts the job ended then, as a handler's job ends in
 * production; the first acknowledgement (or refusal) also completes {@link #ended()}.
 *
 * <p>Commands are wrapped in proxies of the client's own step interfaces, which forward each call
 * and note the failure's retries and message on the way; {@code send()} returns the client's own
 * future. Thread-safe.
 */
public final class RecordingJobClient implements JobClient {

  /** Hears the engine's answers to the handler's commands. */
  public interface Listener {
    /**
     * The engine took the handler's command for the job.
     *
     * @param retries a failure's retries left (0 otherwise)
     * @param message a failure's or error's message, or {@code null}
     */
    void acknowledged(JobCommand.Kind kind, int retries, String message, long nanos);

    /**
     * The handler is about to send its first command for the job, at {@code nanos}: its work is
     * done, and what follows until the acknowledgement is the command's round trip.
     */
    default void sending(long nanos) {}
  }

  private final JobClient delegate;
  private final Listener listener;
  private final LongSupplier nanoClock;
  private final CompletableFuture<Void> ended = new CompletableFuture<>();
  private volatile boolean sent;
  private final AtomicBoolean sending = new AtomicBoolean();

  /**
   * @param delegate the worker's client, which sends the commands
   * @param listener hears each acknowledgement
   * @param nanoClock the run's clock, for the acknowledgement's time
   */
  public RecordingJobClient(JobClient delegate, Listener listener, LongSupplier nanoClock) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
  }

  /** Whether the handler sent a completion, failure or error. */
  public boolean sentAny() {
    return sent;
  }

  /**
   * Whether the handler began sending a command (its work ended then, even if the send itself
   * then threw).
   */
  public boolean sending() {
    return sending.get();
  }

  /**
   * Completes when the engine answered the handler's first command: normally on its
   * acknowledgement, exceptionally with the refusal (the job then stays the engine's to time out).
   */
  public CompletableFuture<Void> ended() {
    return ended;
  }

  @Override
  public CompleteJobCommandStep1 newCompleteCommand(long jobKey) {
    return wrap(delegate.newCompleteCommand(jobKey), new Noted(JobCommand.Kind.COMPLETE));
  }

  @Override
  public CompleteJobCommandStep1 newCompleteCommand(ActivatedJob job) {
    return wrap(delegate.newCompleteCommand(job), new Noted(JobCommand.Kind.COMPLETE));
  }

  @Override
  public FailJobCommandStep1 newFailCommand(long jobKey) {
    return wrap(delegate.newFailCommand(jobKey), new Noted(JobCommand.Kind.FAIL));
  }

  @Override
  public FailJobCommandStep1 newFailCommand(ActivatedJob job) {
    return wrap(delegate.newFailCommand(job), new Noted(JobCommand.Kind.FAIL));
  }

  @Override
  public ThrowErrorCommandStep1 newThrowErrorCommand(long jobKey) {
    return wrap(delegate.newThrowErrorCommand(jobKey), new Noted(JobCommand.Kind.THROW_ERROR));
  }

  @Override
  public ThrowErrorCommandStep1 newThrowErrorCommand(ActivatedJob job) {
    return wrap(delegate.newThrowErrorCommand(job), new Noted(JobCommand.Kind.THROW_ERROR));
  }

  @Override
  public ActivateJobsCommandStep1 newActivateJobsCommand() {
    return delegate.newActivateJobsCommand();
  }

  @Override
  public StreamJobsCommandStep1 newStreamJobsCommand() {
    return delegate.newStreamJobsCommand();
  }

  /** What one command was told on its way. */
  private static final class Noted {
    final JobCommand.Kind kind;
    volatile int retries;
    volatile String message;

    Noted(JobCommand.Kind kind) {
      this.kind = kind;
    }
  }

  @SuppressWarnings("unchecked")
  private <T> T wrap(T step, Noted noted) {
    Set<Class<?>> interfaces = new LinkedHashSet<>();
    collectInterfaces(step.getClass(), interfaces);
    if (interfaces.isEmpty()) {
      return step;
    }
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getName().equals("send") && sending.compareAndSet(false, true)) {
            listener.sending(nanoClock.getAsLong());
          }
          Object result;
          try {
            result = method.invoke(step, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          switch (method.getName()) {
            case "retries" -> noted.retries = (Integer) args[0];
            case "errorMessage" -> noted.message = (String) args[0];
            case "errorCode" -> noted.message = noted.message == null ? "BPMN error " + args[0] : noted.message;
            default -> {
              // forwarded as it is
            }
          }
          if (result instanceof CamundaFuture<?> future) {
            observe(future, noted);
            return future;
          }
          if (result == step) {
            return proxy;
          }
          if (result != null && result.getClass().getPackageName().startsWith("io.camunda.client")
              && !(result instanceof Comparable<?>)) {
            return wrap(result, noted);
          }
          return result;
        };
    return (T)
        Proxy.newProxyInstance(
            JobClient.class.getClassLoader(), interfaces.toArray(Class<?>[]::new), handler);
  }

  private void observe(CamundaFuture<?> future, Noted noted) {
    sent = true;
    future.whenComplete(
        (response, error) -> {
          if (error != null) {
            ended.completeExceptionally(error);
            return;
          }
          listener.acknowledged(noted.kind, noted.retries, noted.message, nanoClock.getAsLong());
          ended.complete(null);
        });
  }

  /** The public interfaces of the client's command steps a class implements, all of them. */
  private static void collectInterfaces(Class<?> type, Set<Class<?>> into) {
    for (Class<?> current = type; current != null; current = current.getSuperclass()) {
      for (Class<?> contract : current.getInterfaces()) {
        if (java.lang.reflect.Modifier.isPublic(contract.getModifiers())
            && contract.getName().startsWith("io.camunda.client.api")) {
          into.add(contract);
        }
        collectInterfaces(contract, into);
      }
    }
  }

}
