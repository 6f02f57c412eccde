package io.github.workerbench.core.handler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.impl.CamundaObjectMapper;
import io.camunda.client.impl.response.ActivatedJobImpl;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass;
import java.util.Base64;

/**
 * {@link ActivatedJob}s for handlers where the client made none: a job of the engine-free feeder,
 * and a job handed to a process-strategy child, which gets the parent's job as the gateway
 * protocol's message (Base64 on one line of its pipe) and reads it back with the client's own
 * implementation, so the handler sees every field the parent's client saw. Stateless.
 */
public final class ActivatedJobs {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ActivatedJobs() {}

  /** A job of these fields, as the client would have made it from the gateway's message. */
  public static ActivatedJob of(long key, long processInstanceKey, int retries, String type, String variables) {
    return read(
        GatewayOuterClass.ActivatedJob.newBuilder()
            .setKey(key)
            .setProcessInstanceKey(processInstanceKey)
            .setRetries(retries)
            .setType(type)
            .setVariables(variables == null ? "{}" : variables)
            .setCustomHeaders("{}")
            .setWorker("worker-bench")
            .build());
  }

  /** The job on one line: its gateway message, Base64. */
  public static String toLine(ActivatedJob job) {
    String headers;
    try {
      headers = JSON.writeValueAsString(job.getCustomHeaders());
    } catch (JsonProcessingException e) {
      headers = "{}";
    }
    GatewayOuterClass.ActivatedJob.Builder message =
        GatewayOuterClass.ActivatedJob.newBuilder()
            .setKey(job.getKey())
            .setType(text(job.getType()))
            .setProcessInstanceKey(job.getProcessInstanceKey())
            .setBpmnProcessId(text(job.getBpmnProcessId()))
            .setProcessDefinitionVersion(job.getProcessDefinitionVersion())
            .setProcessDefinitionKey(job.getProcessDefinitionKey())
            .setElementId(text(job.getElementId()))
            .setElementInstanceKey(job.getElementInstanceKey())
            .setCustomHeaders(headers)
            .setWorker(text(job.getWorker()))
            .setRetries(job.getRetries())
            .setDeadline(job.getDeadline())
            .setVariables(job.getVariables() == null ? "{}" : job.getVariables())
            .setTenantId(text(job.getTenantId()));
    return Base64.getEncoder().encodeToString(message.build().toByteArray());
  }

  /**
   * The job of a line written by {@link #toLine}.
   *
   * @throws IllegalArgumentException when the line is no such message
   */
  public static ActivatedJob fromLine(String line) {
    try {
      return read(GatewayOuterClass.ActivatedJob.parseFrom(Base64.getDecoder().decode(line)));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("not an activated job: " + e.getMessage(), e);
    }
  }

  private static ActivatedJob read(GatewayOuterClass.ActivatedJob message) {
    return new ActivatedJobImpl(new CamundaObjectMapper(), message);
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
