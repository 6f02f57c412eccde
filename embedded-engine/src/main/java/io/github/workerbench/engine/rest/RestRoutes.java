package io.github.workerbench.engine.rest;

import io.netty.handler.codec.http.HttpMethod;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The table of what the REST endpoint serves: method and path pattern to endpoint, tried in
 * order. A pattern is a path whose segments are literals or {@code {name}} parameters matching
 * any one non-empty segment; a path matches when every segment does. Immutable and thread-safe.
 */
final class RestRoutes {

  /** Answers one matched request. */
  @FunctionalInterface
  interface Endpoint {
    void handle(RestCall call) throws IOException;
  }

  /** A matched route: its endpoint and the values of its pattern's parameters. */
  record Match(Endpoint endpoint, Map<String, String> pathParameters) {}

  private record Route(HttpMethod method, String[] segments, Endpoint endpoint) {

    Map<String, String> match(HttpMethod requestMethod, String[] path) {
      if (!method.equals(requestMethod) || path.length != segments.length) {
        return null;
      }
      Map<String, String> parameters = Map.of();
      for (int i = 0; i < segments.length; i++) {
        String segment = segments[i];
        if (segment.startsWith("{") && segment.endsWith("}")) {
          if (path[i].isEmpty()) {
            return null;
          }
          if (parameters.isEmpty()) {
            parameters = new HashMap<>(2);
          }
          parameters.put(segment.substring(1, segment.length() - 1), path[i]);
        } else if (!segment.equals(path[i])) {
          return null;
        }
      }
      return parameters;
    }
  }

  private final List<Route> routes;

  /**
   * @param topology answers GET /v2/topology (cluster.yaml)
   */
  RestRoutes(Endpoint topology, InstanceEndpoints instances, JobEndpoints jobs) {
    routes =
        List.of(
            route(HttpMethod.GET, "/v2/topology", topology),
            route(HttpMethod.POST, "/v2/deployments", instances::deploy),
            route(HttpMethod.POST, "/v2/process-instances", instances::create),
            route(HttpMethod.POST, "/v2/process-instances/search", instances::search),
            route(HttpMethod.POST, "/v2/process-instances/{processInstanceKey}/cancellation", instances::cancel),
            route(HttpMethod.POST, "/v2/jobs/activation", jobs::activate),
            route(HttpMethod.POST, "/v2/jobs/{jobKey}/completion", jobs::complete),
            route(HttpMethod.POST, "/v2/jobs/{jobKey}/failure", jobs::fail),
            route(HttpMethod.POST, "/v2/jobs/{jobKey}/error", jobs::error),
            route(HttpMethod.PATCH, "/v2/jobs/{jobKey}", jobs::update));
  }

  /** The first route matching the request, or null when the engine does not serve it. */
  Match find(HttpMethod method, String path) {
    String[] segments = path.split("/", -1);
    for (Route route : routes) {
      Map<String, String> parameters = route.match(method, segments);
      if (parameters != null) {
        return new Match(route.endpoint(), parameters);
      }
    }
    return null;
  }

  private static Route route(HttpMethod method, String pattern, Endpoint endpoint) {
    return new Route(method, pattern.split("/", -1), endpoint);
  }
}
