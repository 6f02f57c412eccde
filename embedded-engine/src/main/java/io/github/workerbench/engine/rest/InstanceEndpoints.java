package io.github.workerbench.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.workerbench.engine.state.DeploymentResource;
import io.github.workerbench.engine.state.EngineState;
import io.github.workerbench.engine.state.InstanceLabels;
import io.github.workerbench.engine.state.ProcessInstanceView;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The deployment and process-instance routes of REST v2 (deployments.yaml,
 * process-instances.yaml). Besides what the engine refuses for both protocols, a creation naming
 * both a definition key and an id is refused, as Camunda's REST gateway does
 * (ProcessInstanceRequestValidator). Thread-safe.
 */
final class InstanceEndpoints {

  /** Camunda's default page size for searches. */
  private static final int DEFAULT_PAGE_LIMIT = 100;

  private final EngineState state;

  InstanceEndpoints(EngineState state) {
    this.state = state;
  }

  /** POST /v2/deployments: multipart; only file parts named resources are resources. */
  void deploy(RestCall call) throws IOException {
    List<DeploymentResource> resources = new ArrayList<>();
    HttpPostRequestDecoder decoder;
    try {
      decoder = new HttpPostRequestDecoder(new DefaultHttpDataFactory(false), call.request());
    } catch (HttpPostRequestDecoder.ErrorDataDecoderException e) {
      throw RestFields.invalid("Expected a multipart/form-data body with resources, but: " + e.getMessage());
    }
    try {
      // the spec allows a tenantId part besides the resources
      for (InterfaceHttpData data : decoder.getBodyHttpDatas()) {
        if (data instanceof FileUpload upload && data.getName().equals("resources")) {
          resources.add(new DeploymentResource(upload.getFilename(), upload.get()));
        }
      }
    } catch (HttpPostRequestDecoder.ErrorDataDecoderException e) {
      throw RestFields.invalid("Expected a well-formed multipart/form-data body, but: " + e.getMessage());
    } finally {
      decoder.destroy();
    }
    call.reply().json(HttpResponseStatus.OK, call.reply().answers().deployment(state.deploy(resources)));
  }

  /**
   * POST /v2/process-instances. Tags and businessId are echoed; tenantId, start and runtime
   * instructions are accepted and ignored (one tenant, no modification support).
   */
  void create(RestCall call) throws IOException {
    JsonNode body = call.body();
    boolean byKey = body.hasNonNull("processDefinitionKey");
    if (byKey && body.hasNonNull("processDefinitionId")) {
      throw RestFields.invalid("Only one of [processDefinitionId, processDefinitionKey] is allowed.");
    }
    RestFields.operationReference(body);
    long definitionKey = byKey ? RestFields.key(body.get("processDefinitionKey").asText(), "processDefinitionKey") : 0;
    String id = body.path("processDefinitionId").asText("");
    int version = body.path("processDefinitionVersion").asInt(-1);
    Map<String, Object> variables = RestFields.variables(body.get("variables"), call.mapper());
    InstanceLabels labels = RestFields.labels(body, call.reply().answers().version());
    RestReply reply = call.reply();
    if (!body.path("awaitCompletion").asBoolean(false)) {
      ProcessInstanceView view = state.createInstance(definitionKey, id, version, variables);
      reply.json(HttpResponseStatus.OK, reply.answers().createdInstance(view, Map.of(), labels.tags(), labels.businessId()));
      return;
    }
    List<String> fetch = RestFields.strings(body.get("fetchVariables"));
    state
        .createInstanceAwaitingResult(definitionKey, id, version, variables, body.path("requestTimeout").asLong(0))
        .whenComplete(
            (view, error) -> {
              if (error != null) {
                reply.failed(error);
                return;
              }
              reply.json(
                  HttpResponseStatus.OK,
                  reply.answers().createdInstance(view, view.variables(fetch), labels.tags(), labels.businessId()));
            });
  }

  /**
   * POST /v2/process-instances/search: offset paging (Camunda's default limit is 100); sort and
   * cursors are accepted and ignored: instances come in key order.
   */
  void search(RestCall call) throws IOException {
    JsonNode body = call.body();
    InstanceFilter filter = InstanceFilter.of(body.path("filter"));
    List<ProcessInstanceView> matches = new ArrayList<>();
    for (ProcessInstanceView view : state.searchInstances(filter.onlyKey(), filter.onlyState())) {
      if (filter.matches(view)) {
        matches.add(view);
      }
    }
    JsonNode page = body.path("page");
    int from = Math.max(0, page.path("from").asInt(0));
    int limit = page.path("limit").asInt(DEFAULT_PAGE_LIMIT);
    if (limit < 0) {
      throw RestFields.invalid("Expected page limit to be at least 0, but was " + limit);
    }
    int first = Math.min(from, matches.size());
    int last = (int) Math.min(matches.size(), (long) first + limit);
    call.reply().json(HttpResponseStatus.OK, call.reply().answers().searchResult(matches.subList(first, last), matches.size()));
  }

  /** POST /v2/process-instances/{processInstanceKey}/cancellation. */
  void cancel(RestCall call) throws IOException {
    long key = call.pathKey("processInstanceKey");
    RestFields.operationReference(call.body());
    state.cancelInstance(key);
    call.reply().noContent();
  }
}
