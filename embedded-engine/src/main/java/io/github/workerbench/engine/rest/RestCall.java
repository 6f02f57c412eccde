package io.github.workerbench.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.FullHttpRequest;
import java.io.IOException;
import java.util.Map;

/**
 * One REST request as an endpoint sees it: its body, the parameters its route's path pattern
 * matched, and the reply to answer it with. The request itself is only valid while the endpoint
 * runs on the event loop; read what is needed before answering from another thread.
 */
record RestCall(FullHttpRequest request, Map<String, String> pathParameters, RestReply reply, ObjectMapper mapper) {

  /** The JSON body; a null node when there is none. */
  JsonNode body() throws IOException {
    ByteBuf content = request.content();
    if (content.readableBytes() == 0) {
      return NullNode.getInstance();
    }
    byte[] bytes = new byte[content.readableBytes()];
    content.getBytes(content.readerIndex(), bytes);
    JsonNode node = mapper.readTree(bytes);
    return node == null ? NullNode.getInstance() : node;
  }

  /** A key from the path, e.g. {@code {jobKey}}. */
  long pathKey(String name) {
    return RestFields.key(pathParameters.get(name), name);
  }
}
