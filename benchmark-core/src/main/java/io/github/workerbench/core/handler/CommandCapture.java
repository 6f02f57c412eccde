package io.github.workerbench.core.handler;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.command.ActivateJobsCommandStep1;
import io.camunda.client.api.command.CompleteJobCommandStep1;
import io.camunda.client.api.command.FailJobCommandStep1;
import io.camunda.client.api.command.StreamJobsCommandStep1;
import io.camunda.client.api.command.ThrowErrorCommandStep1;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A {@link JobClient} with no engine behind it: its complete, fail and throw-error commands
 * collect what the handler sets on them (variables, retries, backoff, message, code) and, on
 * {@code send()}, hand the {@link JobCommand} to a sink whose answer becomes the command's
 * future. What the engine-free feeder answers at once, and what a process-strategy child forwards
 * to its parent over its pipe.
 *
 * <p>Only what job workers use is supported: a command step method the sink could not forward
 * (a job result, the choice of transport) throws {@link UnsupportedOperationException} naming
 * it; a request timeout is accepted and has no effect. Activation and streaming commands are not
 * available. Thread-safe as a client; each command is used by one thread, as the client's own.
 */
public final class CommandCapture {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CommandCapture() {}

  /** A job client handing each sent command to {@code sink}. */
  public static JobClient jobClient(Function<JobCommand, CompletionStage<?>> sink) {
    return new JobClient() {
      @Override
      public CompleteJobCommandStep1 newCompleteCommand(long jobKey) {
        return command(CompleteJobCommandStep1.class, new State(JobCommand.Kind.COMPLETE, jobKey), sink);
      }

      @Override
      public CompleteJobCommandStep1 newCompleteCommand(ActivatedJob job) {
        return newCompleteCommand(job.getKey());
      }

      @Override
      public FailJobCommandStep1 newFailCommand(long jobKey) {
        return command(FailJobCommandStep1.class, new State(JobCommand.Kind.FAIL, jobKey), sink);
      }

      @Override
      public FailJobCommandStep1 newFailCommand(ActivatedJob job) {
        return newFailCommand(job.getKey());
      }

      @Override
      public ThrowErrorCommandStep1 newThrowErrorCommand(long jobKey) {
        return command(ThrowErrorCommandStep1.class, new State(JobCommand.Kind.THROW_ERROR, jobKey), sink);
      }

      @Override
      public ThrowErrorCommandStep1 newThrowErrorCommand(ActivatedJob job) {
        return newThrowErrorCommand(job.getKey());
      }

      @Override
      public ActivateJobsCommandStep1 newActivateJobsCommand() {
        throw new UnsupportedOperationException(
            "a handler's JobClient here completes, fails or throws errors for its job; it does not"
                + " activate jobs");
      }

      @Override
      public StreamJobsCommandStep1 newStreamJobsCommand() {
        throw new UnsupportedOperationException(
            "a handler's JobClient here completes, fails or throws errors for its job; it does not"
                + " stream jobs");
      }
    };
  }

  /** What a command collected so far. */
  private static final class State {
    final JobCommand.Kind kind;
    final long jobKey;
    Map<String, Object> variables;
    int retries;
    Duration backoff = Duration.ZERO;
    String message;
    String code;

    State(JobCommand.Kind kind, long jobKey) {
      this.kind = kind;
      this.jobKey = jobKey;
    }

    JobCommand command() {
      String json;
      try {
        json = variables == null ? null : JSON.writeValueAsString(variables);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new JobCommand(kind, jobKey, json, retries, backoff, message, code);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T command(
      Class<T> firstStep, State state, Function<JobCommand, CompletionStage<?>> sink) {
    InvocationHandler handler =
        new InvocationHandler() {
          @Override
          public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            switch (name) {
              case "send" -> {
                return future(sink.apply(state.command()));
              }
              case "execute" -> {
                return future(sink.apply(state.command())).join();
              }
              case "requestTimeout" -> {
                return proxy;
              }
              case "retries" -> {
                state.retries = (Integer) args[0];
                return next(method, state, sink, proxy);
              }
              case "errorCode" -> {
                state.code = (String) args[0];
                return next(method, state, sink, proxy);
              }
              case "errorMessage" -> {
                state.message = (String) args[0];
                return proxy;
              }
              case "retryBackoff" -> {
                state.backoff = (Duration) args[0];
                return proxy;
              }
              case "variables" -> {
                state.variables = variablesOf(args[0]);
                return proxy;
              }
              case "variable" -> {
                if (state.variables == null) {
                  state.variables = new LinkedHashMap<>();
                }
                state.variables.put((String) args[0], args[1]);
                return proxy;
              }
              case "toString" -> {
                return "captured " + state.kind + " of job " + state.jobKey;
              }
              case "hashCode" -> {
                return System.identityHashCode(proxy);
              }
              case "equals" -> {
                return proxy == args[0];
              }
              default ->
                  throw new UnsupportedOperationException(
                      method.getDeclaringClass().getSimpleName() + "." + name
                          + " is not supported by the harness's JobClient here; complete, fail or"
                          + " throw an error with variables, retries, backoff and message");
            }
          }
        };
    return (T) Proxy.newProxyInstance(firstStep.getClassLoader(), new Class<?>[] {firstStep}, handler);
  }

  /** The step a method returns: this proxy again, or the next step's over the same state. */
  private static Object next(
      Method method, State state, Function<JobCommand, CompletionStage<?>> sink, Object proxy) {
    Class<?> returned = method.getReturnType();
    return returned.isInstance(proxy) ? proxy : command(returned, state, sink);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> variablesOf(Object value) throws IOException {
    if (value instanceof String text) {
      return JSON.readValue(text, LinkedHashMap.class);
    }
    if (value instanceof InputStream stream) {
      return JSON.readValue(new String(stream.readAllBytes(), StandardCharsets.UTF_8), LinkedHashMap.class);
    }
    if (value instanceof Map<?, ?> map) {
      return new LinkedHashMap<>((Map<String, Object>) map);
    }
    return JSON.convertValue(value, LinkedHashMap.class);
  }

  /** A client future over {@code stage}. */
  static <T> CamundaFuture<T> future(CompletionStage<T> stage) {
    ForwardedFuture<T> future = new ForwardedFuture<>();
    stage.whenComplete(
        (value, error) -> {
          if (error != null) {
            future.completeExceptionally(error);
          } else {
            future.complete(value);
          }
        });
    return future;
  }

  /** A {@link CamundaFuture} that a stage completes. */
  private static final class ForwardedFuture<T> extends CompletableFuture<T>
      implements CamundaFuture<T> {

    @Override
    public boolean cancel(boolean mayInterruptIfRunning, Throwable cause) {
      return cancel(mayInterruptIfRunning);
    }

    @Override
    public T join(long timeout, TimeUnit unit) {
      try {
        return get(timeout, unit);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.util.concurrent.CompletionException(e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new java.util.concurrent.CompletionException(e.getCause());
      } catch (java.util.concurrent.TimeoutException e) {
        throw new java.util.concurrent.CompletionException(e);
      }
    }
  }
}
