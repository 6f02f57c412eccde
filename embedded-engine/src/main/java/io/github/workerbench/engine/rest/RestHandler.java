package io.github.workerbench.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.github.workerbench.engine.state.ActivatedJobData;
import io.github.workerbench.engine.state.ActivationRequest;
import io.github.workerbench.engine.state.CommandRejectedException;
import io.github.workerbench.engine.state.DeploymentResource;
import io.github.workerbench.engine.state.EngineState;
import io.github.workerbench.engine.state.InstanceState;
import io.github.workerbench.engine.state.JobReceiver;
import io.github.workerbench.engine.state.ProcessInstanceView;
import io.github.workerbench.engine.state.RejectionType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import io.netty.util.AttributeKey;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes REST v2 requests to the shared {@link EngineState}. Handlers never block the event loop:
 * a long poll parks in the engine and its answer is written from whichever thread frees jobs; a
 * poll whose connection closes is forgotten at once, so it never takes jobs. Errors are {@code
 * application/problem+json}. Sharable and thread-safe.
 */
@ChannelHandler.Sharable
final class RestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

  private static final Logger LOG = LoggerFactory.getLogger("workerbench.engine");
  private static final AttributeKey<EngineState.PollRegistration> PARKED_POLL =
      AttributeKey.valueOf("workerbench.parkedPoll");
  private static final String JOBS = "/v2/jobs/";
  private static final String INSTANCES = "/v2/process-instances/";
  private static final int DEFAULT_PAGE_LIMIT = 100;
  private static final Pattern TAG = Pattern.compile("^[A-Za-z][A-Za-z0-9_\\-:.]{0,99}$");

  private final EngineState state;
  private final ObjectMapper mapper;
  private final String host;
  private final IntSupplier grpcPort;

  RestHandler(EngineState state, ObjectMapper mapper, String host, IntSupplier grpcPort) {
    this.state = state;
    this.mapper = mapper;
    this.host = host;
    this.grpcPort = grpcPort;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    String path = request.uri();
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    Reply reply = new Reply(ctx.channel(), keepAlive, path, mapper);
    try {
      route(ctx, request, path, reply);
    } catch (CommandRejectedException e) {
      reply.rejected(e);
    } catch (IOException | IllegalArgumentException e) {
      reply.problem(HttpResponseStatus.BAD_REQUEST, "INVALID_ARGUMENT", e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("REST request {} {} failed", request.method(), path, e);
      reply.problem(HttpResponseStatus.INTERNAL_SERVER_ERROR, "INTERNAL", String.valueOf(e));
    }
  }

  private void route(ChannelHandlerContext ctx, FullHttpRequest request, String path, Reply reply)
      throws IOException {
    HttpMethod method = request.method();
    if (method.equals(HttpMethod.POST) && path.startsWith(JOBS)) {
      String rest = path.substring(JOBS.length());
      if (rest.equals("activation")) {
        activate(request, reply);
        return;
      }
      int slash = rest.indexOf('/');
      if (slash > 0) {
        long key = parseKey(rest.substring(0, slash), "jobKey");
        JsonNode body = body(request);
        switch (rest.substring(slash + 1)) {
          case "completion" -> {
            state.complete(key, variables(body.get("variables")));
            reply.noContent();
            return;
          }
          case "failure" -> {
            state.fail(
                key,
                body.path("retries").asInt(0),
                body.path("errorMessage").asText(""),
                body.path("retryBackOff").asLong(0),
                variables(body.get("variables")));
            reply.noContent();
            return;
          }
          case "error" -> {
            String code = body.path("errorCode").asText("");
            if (code.isBlank()) {
              throw new CommandRejectedException(
                  RejectionType.INVALID_ARGUMENT, "No errorCode provided.");
            }
            state.throwError(key, code, body.path("errorMessage").asText(""));
            reply.noContent();
            return;
          }
          default -> {}
        }
      }
    } else if (method.equals(HttpMethod.PATCH) && path.startsWith(JOBS)) {
      long key = parseKey(path.substring(JOBS.length()), "jobKey");
      JsonNode changeset = body(request).path("changeset");
      if (!changeset.isObject()) {
        throw new CommandRejectedException(
            RejectionType.INVALID_ARGUMENT, "Expected a changeset object to update the job, but none was given");
      }
      if (changeset.hasNonNull("retries")) {
        state.updateRetries(key, changeset.get("retries").asInt());
      }
      if (changeset.hasNonNull("timeout")) {
        state.updateTimeout(key, changeset.get("timeout").asLong());
      }
      reply.noContent();
      return;
    } else if (method.equals(HttpMethod.GET) && path.equals("/v2/topology")) {
      reply.json(HttpResponseStatus.OK, RestJson.topology(host, grpcPort.getAsInt()));
      return;
    } else if (method.equals(HttpMethod.POST) && path.equals("/v2/deployments")) {
      deploy(request, reply);
      return;
    } else if (method.equals(HttpMethod.POST) && path.equals("/v2/process-instances")) {
      createInstance(request, reply);
      return;
    } else if (method.equals(HttpMethod.POST) && path.equals(INSTANCES + "search")) {
      search(request, reply);
      return;
    } else if (method.equals(HttpMethod.POST)
        && path.startsWith(INSTANCES)
        && path.endsWith("/cancellation")) {
      String key = path.substring(INSTANCES.length(), path.length() - "/cancellation".length());
      state.cancelInstance(parseKey(key, "processInstanceKey"));
      reply.noContent();
      return;
    }
    reply.problem(
        HttpResponseStatus.NOT_FOUND,
        "NOT_FOUND",
        "The embedded engine does not serve " + method + " " + path);
  }

  private void activate(FullHttpRequest request, Reply reply) throws IOException {
    JsonNode body = body(request);
    List<String> fetch = new ArrayList<>();
    body.path("fetchVariable").forEach(n -> fetch.add(n.asText()));
    ActivationRequest activation =
        new ActivationRequest(
            body.path("type").asText(""),
            body.path("worker").asText(""),
            body.path("timeout").asLong(0),
            body.path("maxJobsToActivate").asInt(0),
            fetch);
    long requestTimeout = body.path("requestTimeout").asLong(0);
    PollReceiver receiver = new PollReceiver(reply);
    EngineState.PollRegistration poll = state.activate(activation, requestTimeout, receiver);
    // HTTP/1.1 has one request in flight per connection: remember it for channelInactive
    reply.channel.attr(PARKED_POLL).set(poll);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    EngineState.PollRegistration poll = ctx.channel().attr(PARKED_POLL).getAndSet(null);
    if (poll != null) {
      state.cancel(poll);
    }
    super.channelInactive(ctx);
  }

  private void deploy(FullHttpRequest request, Reply reply) throws IOException {
    List<DeploymentResource> resources = new ArrayList<>();
    HttpPostRequestDecoder decoder;
    try {
      decoder = new HttpPostRequestDecoder(new DefaultHttpDataFactory(false), request);
    } catch (HttpPostRequestDecoder.ErrorDataDecoderException e) {
      throw new CommandRejectedException(
          RejectionType.INVALID_ARGUMENT, "Expected a multipart/form-data body with resources, but: " + e.getMessage());
    }
    try {
      // the spec allows a tenantId part besides the resources; only file parts are resources
      for (InterfaceHttpData data : decoder.getBodyHttpDatas()) {
        if (data instanceof FileUpload upload && data.getName().equals("resources")) {
          resources.add(new DeploymentResource(upload.getFilename(), upload.get()));
        }
      }
    } catch (HttpPostRequestDecoder.ErrorDataDecoderException e) {
      throw new CommandRejectedException(
          RejectionType.INVALID_ARGUMENT, "Expected a well-formed multipart/form-data body, but: " + e.getMessage());
    } finally {
      decoder.destroy();
    }
    reply.json(HttpResponseStatus.OK, RestJson.deployment(state.deploy(resources)));
  }

  private void createInstance(FullHttpRequest request, Reply reply) throws IOException {
    JsonNode body = body(request);
    long definitionKey =
        body.hasNonNull("processDefinitionKey")
            ? parseKey(body.get("processDefinitionKey").asText(), "processDefinitionKey")
            : 0;
    String id = body.path("processDefinitionId").asText("");
    int version = body.path("processDefinitionVersion").asInt(-1);
    Map<String, Object> variables = variables(body.get("variables"));
    // tags and businessId are echoed; tenantId, operationReference, start and runtime
    // instructions are accepted and ignored (one tenant, no modification support)
    List<String> tags = tags(body.get("tags"));
    String businessId = businessId(body.get("businessId"));
    if (!body.path("awaitCompletion").asBoolean(false)) {
      ProcessInstanceView view = state.createInstance(definitionKey, id, version, variables);
      reply.json(HttpResponseStatus.OK, RestJson.createdInstance(view, Map.of(), tags, businessId));
      return;
    }
    List<String> fetch = new ArrayList<>();
    body.path("fetchVariables").forEach(n -> fetch.add(n.asText()));
    long timeout = body.path("requestTimeout").asLong(0);
    long effective = timeout > 0 ? timeout : EngineState.DEFAULT_REQUEST_TIMEOUT_MILLIS;
    state
        .createInstanceAwaitingResult(definitionKey, id, version, variables)
        .orTimeout(effective, TimeUnit.MILLISECONDS)
        .whenComplete(
            (view, error) -> {
              if (error == null) {
                Map<String, Object> result = view.variables();
                if (!fetch.isEmpty()) {
                  Map<String, Object> selected = new LinkedHashMap<>();
                  fetch.forEach(n -> { if (result.containsKey(n)) selected.put(n, result.get(n)); });
                  reply.json(HttpResponseStatus.OK, RestJson.createdInstance(view, selected, tags, businessId));
                } else {
                  reply.json(HttpResponseStatus.OK, RestJson.createdInstance(view, result, tags, businessId));
                }
                return;
              }
              Throwable cause = error instanceof CompletionException ? error.getCause() : error;
              if (cause instanceof TimeoutException) {
                reply.problem(
                    HttpResponseStatus.GATEWAY_TIMEOUT,
                    "DEADLINE_EXCEEDED",
                    "Expected the process instance to complete within " + effective + " ms, but it did not");
              } else if (cause instanceof CommandRejectedException rejected) {
                reply.rejected(rejected);
              } else {
                reply.problem(HttpResponseStatus.INTERNAL_SERVER_ERROR, "INTERNAL", String.valueOf(cause));
              }
            });
  }

  private void search(FullHttpRequest request, Reply reply) throws IOException {
    JsonNode body = body(request);
    JsonNode filter = body.path("filter");
    Set<Long> keys = keyFilter(filter.get("processInstanceKey"), "processInstanceKey");
    Set<InstanceState> states = stateFilter(filter.get("state"));
    // the engine narrows by one key and one state; sets and the other fields are applied here
    Long key = keys != null && keys.size() == 1 ? keys.iterator().next() : null;
    InstanceState instanceState = states != null && states.size() == 1 ? states.iterator().next() : null;
    List<ProcessInstanceView> matches = new ArrayList<>();
    for (ProcessInstanceView view : state.searchInstances(key, instanceState)) {
      if ((keys == null || keys.contains(view.processInstanceKey()))
          && (states == null || states.contains(view.state()))
          && matches(view, filter)) {
        matches.add(view);
      }
    }
    // offset paging (Camunda's default limit is 100); sort and cursors are accepted and ignored:
    // instances come in key order
    JsonNode page = body.path("page");
    int from = Math.max(0, page.path("from").asInt(0));
    int limit = page.path("limit").asInt(DEFAULT_PAGE_LIMIT);
    if (limit < 0) {
      throw new CommandRejectedException(
          RejectionType.INVALID_ARGUMENT, "Expected page limit to be at least 0, but was " + limit);
    }
    int first = Math.min(from, matches.size());
    int last = (int) Math.min(matches.size(), (long) first + limit);
    reply.json(HttpResponseStatus.OK, RestJson.searchResult(matches.subList(first, last), matches.size()));
  }

  /** A key filter as a plain value, {@code $eq} or {@code $in}; null when absent. */
  private static Set<Long> keyFilter(JsonNode property, String name) {
    Set<String> values = equalityValues(property, name);
    if (values == null) {
      return null;
    }
    Set<Long> keys = new HashSet<>();
    values.forEach(v -> keys.add(parseKey(v, name)));
    return keys;
  }

  private static Set<InstanceState> stateFilter(JsonNode property) {
    Set<String> values = equalityValues(property, "state");
    if (values == null) {
      return null;
    }
    Set<InstanceState> states = EnumSet.noneOf(InstanceState.class);
    for (String value : values) {
      try {
        states.add(InstanceState.valueOf(value));
      } catch (IllegalArgumentException e) {
        throw new CommandRejectedException(
            RejectionType.INVALID_ARGUMENT,
            "Expected state to be one of ACTIVE, COMPLETED, TERMINATED, but was '" + value + "'");
      }
    }
    return states;
  }

  /**
   * The values an equality filter allows: a plain value, {@code {"$eq": v}} or {@code {"$in":
   * [...]}}. Other operators the spec allows are rejected as unsupported rather than ignored, so a
   * search never answers wrong matches.
   */
  private static Set<String> equalityValues(JsonNode property, String name) {
    if (property == null || property.isNull()) {
      return null;
    }
    if (!property.isObject()) {
      return Set.of(property.asText());
    }
    Set<String> values = new LinkedHashSet<>();
    JsonNode eq = property.get("$eq");
    JsonNode in = property.get("$in");
    if (eq == null && in == null) {
      throw new CommandRejectedException(
          RejectionType.INVALID_ARGUMENT,
          "Expected a plain value, $eq or $in filter on " + name + ", but got " + property);
    }
    if (eq != null) {
      values.add(eq.asText());
    }
    if (in != null) {
      Set<String> listed = new LinkedHashSet<>();
      in.forEach(n -> listed.add(n.asText()));
      if (eq != null) {
        values.retainAll(listed);
      } else {
        values.addAll(listed);
      }
    }
    return values;
  }

  /**
   * Applies the filters on fields the engine knows besides key and state: processDefinitionId,
   * processDefinitionKey, processDefinitionVersion (plain value or {@code $eq}) and hasIncident.
   * Other filter fields the spec allows are ignored rather than rejected.
   */
  private static boolean matches(ProcessInstanceView view, JsonNode filter) {
    JsonNode id = eq(filter.get("processDefinitionId"));
    if (id != null && !id.asText().equals(view.bpmnProcessId())) {
      return false;
    }
    JsonNode definitionKey = eq(filter.get("processDefinitionKey"));
    if (definitionKey != null
        && parseKey(definitionKey.asText(), "processDefinitionKey") != view.processDefinitionKey()) {
      return false;
    }
    JsonNode version = eq(filter.get("processDefinitionVersion"));
    if (version != null && version.asInt() != view.version()) {
      return false;
    }
    JsonNode incident = filter.get("hasIncident");
    return incident == null || incident.isNull() || incident.asBoolean() == view.hasIncident();
  }

  /** The value a filter property compares to, or null when absent or not an equality. */
  private static JsonNode eq(JsonNode property) {
    if (property == null || property.isNull()) {
      return null;
    }
    if (property.isObject()) {
      JsonNode value = property.get("$eq");
      return value == null || value.isNull() ? null : value;
    }
    return property;
  }

  private JsonNode body(FullHttpRequest request) throws IOException {
    ByteBuf content = request.content();
    if (content.readableBytes() == 0) {
      return NullNode.getInstance();
    }
    byte[] bytes = new byte[content.readableBytes()];
    content.getBytes(content.readerIndex(), bytes);
    JsonNode node = mapper.readTree(bytes);
    return node == null ? NullNode.getInstance() : node;
  }

  /** Tags as the spec's TagSet allows them: strings of a letter then up to 99 of [A-Za-z0-9_-:.]. */
  private static List<String> tags(JsonNode node) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new CommandRejectedException(
          RejectionType.INVALID_ARGUMENT, "Expected tags to be an array of strings, but was " + node.getNodeType());
    }
    List<String> tags = new ArrayList<>(node.size());
    for (JsonNode tag : node) {
      if (!tag.isTextual() || !TAG.matcher(tag.asText()).matches()) {
        throw new CommandRejectedException(
            RejectionType.INVALID_ARGUMENT,
            "Expected each tag to match " + TAG.pattern() + ", but got " + tag);
      }
      if (!tags.contains(tag.asText())) {
        tags.add(tag.asText());
      }
    }
    return List.copyOf(tags);
  }

  private static String businessId(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual() || node.asText().isEmpty() || node.asText().length() > 256) {
      throw new CommandRejectedException(
          RejectionType.INVALID_ARGUMENT,
          "Expected businessId to be a string of 1 to 256 characters, but was " + node);
    }
    return node.asText();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> variables(JsonNode node) {
    if (node == null || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw new CommandRejectedException(
          RejectionType.INVALID_ARGUMENT, "Expected variables to be a JSON object, but was " + node.getNodeType());
    }
    return mapper.convertValue(node, Map.class);
  }

  private static long parseKey(String text, String name) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new CommandRejectedException(
          RejectionType.INVALID_ARGUMENT,
          "Expected " + name + " to be a number, but was '" + text + "'");
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("REST connection failed", cause);
    ctx.close();
  }

  /** A parked REST activation; alive while its connection is open. */
  private static final class PollReceiver implements JobReceiver {
    private final Reply reply;

    PollReceiver(Reply reply) {
      this.reply = reply;
    }

    @Override
    public boolean isAlive() {
      return reply.channel.isActive();
    }

    @Override
    public boolean deliver(List<ActivatedJobData> jobs, Runnable undelivered) {
      if (!isAlive()) {
        return false;
      }
      ChannelFuture written = reply.json(HttpResponseStatus.OK, RestJson.activation(jobs));
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

  /** Writes one response on one connection. */
  private record Reply(Channel channel, boolean keepAlive, String path, ObjectMapper mapper) {

    void noContent() {
      write(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT));
    }

    ChannelFuture json(HttpResponseStatus status, Object body) {
      return write(status, "application/json", body);
    }

    void rejected(CommandRejectedException e) {
      HttpResponseStatus status =
          switch (e.type()) {
            case NOT_FOUND -> HttpResponseStatus.NOT_FOUND;
            case INVALID_ARGUMENT -> HttpResponseStatus.BAD_REQUEST;
            case INVALID_STATE -> HttpResponseStatus.CONFLICT;
          };
      problem(status, e.type().name(), e.getMessage());
    }

    void problem(HttpResponseStatus status, String title, String detail) {
      write(status, "application/problem+json", RestJson.problem(status.code(), title, detail, path));
    }

    private ChannelFuture write(HttpResponseStatus status, String contentType, Object body) {
      byte[] bytes;
      try {
        bytes = mapper.writeValueAsBytes(body);
      } catch (IOException e) {
        throw new IllegalStateException("Expected to write a JSON response, but: " + e.getMessage(), e);
      }
      FullHttpResponse response =
          new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
      return write(response);
    }

    private ChannelFuture write(FullHttpResponse response) {
      HttpUtil.setContentLength(response, response.content().readableBytes());
      if (keepAlive) {
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        return channel.writeAndFlush(response);
      }
      return channel.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }
}
