package io.github.workerbench.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.workerbench.engine.state.ActivatedJobData;
import io.github.workerbench.engine.state.ActivationRequest;
import io.github.workerbench.engine.state.EngineState;
import io.github.workerbench.engine.state.JobReceiver;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.util.List;

/**
 * The job routes of REST v2 (jobs.yaml): activation, completion, failure, error and update.
 * Besides what the engine refuses for both protocols, these refuse what Camunda's REST gateway
 * refuses on its own (JobRequestValidator): an error without errorCode, an update without a
 * changeset or with neither retries nor timeout in it, a timeout below 1. Thread-safe.
 */
final class JobEndpoints {

  private final EngineState state;

  JobEndpoints(EngineState state) {
    this.state = state;
  }

  /**
   * POST /v2/jobs/activation: a long poll. It parks in the engine and is answered from whichever
   * thread frees jobs; its connection closing forgets it ({@link RestHandler#channelInactive}).
   */
  void activate(RestCall call) throws IOException {
    JsonNode body = call.body();
    ActivationRequest activation =
        new ActivationRequest(
            body.path("type").asText(""),
            body.path("worker").asText(""),
            body.path("timeout").asLong(0),
            body.path("maxJobsToActivate").asInt(0),
            RestFields.strings(body.get("fetchVariable")));
    long requestTimeout = body.path("requestTimeout").asLong(0);
    EngineState.PollRegistration poll = state.activate(activation, requestTimeout, new PollReceiver(call.reply()));
    // HTTP/1.1 has one request in flight per connection: remember it for channelInactive
    call.reply().channel().attr(RestHandler.PARKED_POLL).set(poll);
  }

  /** POST /v2/jobs/{jobKey}/completion. */
  void complete(RestCall call) throws IOException {
    long key = call.pathKey("jobKey");
    state.complete(key, RestFields.variables(call.body().get("variables"), call.mapper()));
    call.reply().noContent();
  }

  /** POST /v2/jobs/{jobKey}/failure. */
  void fail(RestCall call) throws IOException {
    long key = call.pathKey("jobKey");
    JsonNode body = call.body();
    state.fail(
        key,
        body.path("retries").asInt(0),
        body.path("errorMessage").asText(""),
        body.path("retryBackOff").asLong(0),
        RestFields.variables(body.get("variables"), call.mapper()));
    call.reply().noContent();
  }

  /** POST /v2/jobs/{jobKey}/error. */
  void error(RestCall call) throws IOException {
    long key = call.pathKey("jobKey");
    JsonNode body = call.body();
    String code = body.path("errorCode").asText("");
    if (code.isBlank()) {
      throw RestFields.invalid("No errorCode provided.");
    }
    state.throwError(key, code, body.path("errorMessage").asText(""));
    call.reply().noContent();
  }

  /** PATCH /v2/jobs/{jobKey}: retries and/or timeout, all checked before either changes. */
  void update(RestCall call) throws IOException {
    long key = call.pathKey("jobKey");
    JsonNode changeset = call.body().path("changeset");
    if (!changeset.isObject()) {
      throw RestFields.invalid("Expected a changeset object to update the job, but none was given");
    }
    JsonNode retries = changeset.get("retries");
    JsonNode timeout = changeset.get("timeout");
    boolean hasRetries = retries != null && !retries.isNull();
    boolean hasTimeout = timeout != null && !timeout.isNull();
    if (!hasRetries && !hasTimeout) {
      throw RestFields.invalid("At least one of [retries, timeout] is required.");
    }
    if (hasTimeout && timeout.asLong() < 1) {
      throw RestFields.invalid("The value for timeout is '" + timeout.asText() + "' but must be greater than 0.");
    }
    if (hasRetries) {
      state.updateRetries(key, retries.asInt());
    }
    if (hasTimeout) {
      state.updateTimeout(key, timeout.asLong());
    }
    call.reply().noContent();
  }

  /** A parked REST activation; alive while its connection is open. */
  private record PollReceiver(RestReply reply) implements JobReceiver {

    @Override
    public boolean isAlive() {
      return reply.channel().isActive();
    }

    @Override
    public boolean deliver(List<ActivatedJobData> jobs, Runnable undelivered) {
      if (!isAlive()) {
        return false;
      }
      ChannelFuture written = reply.json(HttpResponseStatus.OK, reply.answers().activation(jobs));
      if (!jobs.isEmpty()) {
        // the connection can close between the check above and the write: then the jobs never
        // reached the worker and must not wait for their timeout
        written.addListener(
            future -> {
              if (!future.isSuccess()) {
                undelivered.run();
              }
            });
      }
      return true;
    }
  }
}
