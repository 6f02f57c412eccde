package io.github.workerbench.engine.rest;

import io.netty.handler.codec.http.HttpRequest;

/**
 * A check every REST request passes before its route is dispatched, in the order the guards are
 * given to the {@link RestServer}: the first refusal is the answer, as an {@code
 * application/problem+json} problem, and the request reaches neither a route nor the engine's
 * state. Authentication is one; back-pressure would be another. Implementations must be
 * thread-safe and must not block: they run on the event loop.
 */
@FunctionalInterface
public interface RestGuard {

  /**
   * A refusal of a request.
   *
   * @param status the HTTP status, 4xx or 5xx
   * @param title the problem's title
   * @param detail the problem's detail; it must never echo a credential
   */
  record Refusal(int status, String title, String detail) {}

  /** The refusal for {@code request}, or null to let it through. */
  Refusal check(HttpRequest request);
}
