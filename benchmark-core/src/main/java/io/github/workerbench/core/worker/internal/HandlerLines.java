package io.github.workerbench.core.worker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camunda.client.api.command.CommandWithVariables;
import io.camunda.client.api.command.FinalCommandStep;
import io.camunda.client.api.worker.JobClient;
import io.github.workerbench.core.handler.JobCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletionStage;

/**
 * The lines a process-strategy child and its parent exchange when the child runs a user's handler
 * (see docs/adr/0007): the parent sends {@code handle <job>}; each command the handler sends comes
 * back as {@code command <id> <command>}, which the parent sends with its own client and answers
 * with {@code ack <id> ok} or {@code ack <id> error <message>}; when the handler returns, the child
 * says {@code done ok} or {@code done error <message>}. Jobs, commands and messages are Base64 (UTF-8
 * JSON for commands), so every line stays one line. Internal: not an API. Stateless.
 */
public final class HandlerLines {

  public static final String HANDLE = "handle";
  public static final String COMMAND = "command";
  public static final String ACK = "ack";
  public static final String DONE_OK = "done ok";
  public static final String DONE_ERROR = "done error";

  private static final ObjectMapper JSON = new ObjectMapper();

  private HandlerLines() {}

  /** Text as one Base64 token. */
  public static String encode(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The text of a token written by {@link #encode}. */
  public static String decode(String token) {
    return new String(Base64.getDecoder().decode(token.strip()), StandardCharsets.UTF_8);
  }

  /** A command as one token. */
  public static String token(JobCommand command) {
    ObjectNode node = JSON.createObjectNode();
    node.put("kind", command.kind().name());
    node.put("jobKey", command.jobKey());
    if (command.variables() != null) {
      node.put("variables", command.variables());
    }
    node.put("retries", command.retries());
    node.put("retryBackoffMillis", command.retryBackoff().toMillis());
    if (command.errorMessage() != null) {
      node.put("errorMessage", command.errorMessage());
    }
    if (command.errorCode() != null) {
      node.put("errorCode", command.errorCode());
    }
    return encode(node.toString());
  }

  /** The command of a token written by {@link #token}. */
  public static JobCommand command(String token) {
    JsonNode node;
    try {
      node = JSON.readTree(decode(token));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new JobCommand(
        JobCommand.Kind.valueOf(node.path("kind").asText()),
        node.path("jobKey").asLong(),
        node.hasNonNull("variables") ? node.get("variables").asText() : null,
        node.path("retries").asInt(),
        Duration.ofMillis(node.path("retryBackoffMillis").asLong()),
        node.hasNonNull("errorMessage") ? node.get("errorMessage").asText() : null,
        node.hasNonNull("errorCode") ? node.get("errorCode").asText() : null);
  }

  /** Sends {@code command} with {@code client}, as the child's handler set it up. */
  public static CompletionStage<?> send(JobCommand command, JobClient client) {
    return switch (command.kind()) {
      case COMPLETE -> withVariables(client.newCompleteCommand(command.jobKey()), command).send();
      case FAIL -> {
        var step = client.newFailCommand(command.jobKey()).retries(command.retries());
        if (!command.retryBackoff().isZero()) {
          step = step.retryBackoff(command.retryBackoff());
        }
        if (command.errorMessage() != null) {
          step = step.errorMessage(command.errorMessage());
        }
        yield withVariables(step, command).send();
      }
      case THROW_ERROR -> {
        var step = client.newThrowErrorCommand(command.jobKey()).errorCode(String.valueOf(command.errorCode()));
        if (command.errorMessage() != null) {
          step = step.errorMessage(command.errorMessage());
        }
        yield withVariables(step, command).send();
      }
    };
  }

  private static <S extends CommandWithVariables<S> & FinalCommandStep<?>> S withVariables(
      S step, JobCommand command) {
    return command.variables() == null ? step : step.variables(command.variables());
  }
}
