package io.github.workerbench.engine.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.workerbench.engine.state.CommandRejectedException;
import io.github.workerbench.engine.state.RejectionType;
import io.github.workerbench.engine.state.ResultTimeoutException;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the one answer to one REST request, on any thread: the single place every REST answer
 * (success or {@code application/problem+json} problem) is serialized and written, and where
 * failures become problems. Thread-safe (Netty writes from any thread).
 *
 * @param path the request's path, the problem's {@code instance}
 * @param answers the answers' shapes, in the engine's API version
 */
record RestReply(Channel channel, boolean keepAlive, String path, ObjectMapper mapper, RestJson answers) {

  private static final Logger LOG = LoggerFactory.getLogger("workerbench.engine");

  void noContent() {
    write(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT));
  }

  ChannelFuture json(HttpResponseStatus status, Object body) {
    return write(status, "application/json", body);
  }

  /**
   * The problem for whatever a request failed with: a rejection maps as Camunda's REST API maps it
   * (NOT_FOUND 404, INVALID_ARGUMENT 400, INVALID_STATE 409), a result that timed out is 504, an
   * unreadable body 400, anything else 500.
   */
  void failed(Throwable e) {
    if (e instanceof CommandRejectedException rejected) {
      problem(status(rejected.type()), rejected.type().name(), rejected.getMessage());
    } else if (e instanceof ResultTimeoutException timeout) {
      problem(HttpResponseStatus.GATEWAY_TIMEOUT, "DEADLINE_EXCEEDED", timeout.getMessage());
    } else if (e instanceof IOException || e instanceof IllegalArgumentException) {
      problem(HttpResponseStatus.BAD_REQUEST, "INVALID_ARGUMENT", e.getMessage());
    } else {
      LOG.warn("REST request {} failed", path, e);
      problem(HttpResponseStatus.INTERNAL_SERVER_ERROR, "INTERNAL", String.valueOf(e));
    }
  }

  private static HttpResponseStatus status(RejectionType type) {
    return switch (type) {
      case NOT_FOUND -> HttpResponseStatus.NOT_FOUND;
      case INVALID_ARGUMENT -> HttpResponseStatus.BAD_REQUEST;
      case INVALID_STATE -> HttpResponseStatus.CONFLICT;
    };
  }

  void problem(HttpResponseStatus status, String title, String detail) {
    write(status, "application/problem+json", answers.problem(status.code(), title, detail, path));
  }

  private ChannelFuture write(HttpResponseStatus status, String contentType, Object body) {
    byte[] bytes;
    try {
      bytes = mapper.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException("Expected to write a JSON response, but: " + e.getMessage(), e);
    }
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
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
