package io.github.workerbench.engine.grpc;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.BrokerInfo;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceWithResultResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.Deployment;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.Partition;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ProcessMetadata;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyResponse;
import io.github.workerbench.engine.ApiVersion;
import io.github.workerbench.engine.state.ActivatedJobData;
import io.github.workerbench.engine.state.CommandRejectedException;
import io.github.workerbench.engine.state.DeploymentInfo;
import io.github.workerbench.engine.state.InstanceLabels;
import io.github.workerbench.engine.state.ProcessDefinitionInfo;
import io.github.workerbench.engine.state.ProcessInstanceView;
import io.github.workerbench.engine.state.ResultTimeoutException;
import io.github.workerbench.engine.state.VariablesJson;
import com.google.protobuf.Descriptors;
import com.google.protobuf.Message;
import io.grpc.Status;
import java.util.Map;

/**
 * The gateway's answers as gRPC messages and statuses: the one place engine results become
 * protobuf. Rejections map as Zeebe's gateway maps them: NOT_FOUND, INVALID_ARGUMENT, and
 * FAILED_PRECONDITION for a command the job's state forbids. Stateless and thread-safe.
 */
final class GatewayAnswers {

  static final String TENANT = "<default>";

  private GatewayAnswers() {}

  /** The status a failed call ends with. */
  static RuntimeException status(Throwable e) {
    if (e instanceof CommandRejectedException rejected) {
      Status status =
          switch (rejected.type()) {
            case NOT_FOUND -> Status.NOT_FOUND;
            case INVALID_ARGUMENT -> Status.INVALID_ARGUMENT;
            case INVALID_STATE -> Status.FAILED_PRECONDITION;
          };
      return status.withDescription(rejected.getMessage()).asRuntimeException();
    }
    if (e instanceof ResultTimeoutException timeout) {
      return Status.DEADLINE_EXCEEDED.withDescription(timeout.getMessage()).asRuntimeException();
    }
    return Status.INTERNAL.withDescription("Unexpected error: " + e).withCause(e).asRuntimeException();
  }

  /** The topology; 8.8's {@code gateway.proto} has no cluster id, so its gateway sends none. */
  static TopologyResponse topology(String host, int port, ApiVersion version) {
    TopologyResponse.Builder topology = TopologyResponse.newBuilder();
    if (version.isAtLeast(ApiVersion.V8_9)) {
      topology.setClusterId("workerbench-embedded");
    }
    return topology
        .setClusterSize(1)
        .setPartitionsCount(1)
        .setReplicationFactor(1)
        .setGatewayVersion(version.serverVersion())
        .addBrokers(
            BrokerInfo.newBuilder()
                .setNodeId(0)
                .setHost(host)
                .setPort(port)
                .setVersion(version.serverVersion())
                .addPartitions(
                    Partition.newBuilder()
                        .setPartitionId(1)
                        .setRole(Partition.PartitionBrokerRole.LEADER)
                        .setHealth(Partition.PartitionBrokerHealth.HEALTHY)))
        .build();
  }

  static DeployResourceResponse deployment(DeploymentInfo info) {
    DeployResourceResponse.Builder response =
        DeployResourceResponse.newBuilder().setKey(info.deploymentKey()).setTenantId(TENANT);
    for (ProcessDefinitionInfo process : info.processes()) {
      response.addDeployments(
          Deployment.newBuilder()
              .setProcess(
                  ProcessMetadata.newBuilder()
                      .setBpmnProcessId(process.bpmnProcessId())
                      .setVersion(process.version())
                      .setProcessDefinitionKey(process.processDefinitionKey())
                      .setResourceName(process.resourceName())
                      .setTenantId(TENANT)));
    }
    return response.build();
  }

  /** A created instance, with the tags and business id its creation gave. */
  static CreateProcessInstanceResponse created(ProcessInstanceView view, InstanceLabels labels) {
    CreateProcessInstanceResponse.Builder response =
        CreateProcessInstanceResponse.newBuilder()
            .setProcessDefinitionKey(view.processDefinitionKey())
            .setBpmnProcessId(view.bpmnProcessId())
            .setVersion(view.version())
            .setProcessInstanceKey(view.processInstanceKey())
            .setTenantId(TENANT)
            .addAllTags(labels.tags());
    if (labels.businessId() != null) {
      response.setBusinessId(labels.businessId());
    }
    return response.build();
  }

  /** A completed instance, with the variables asked for and its creation's labels. */
  static CreateProcessInstanceWithResultResponse completed(
      ProcessInstanceView view, Map<String, Object> variables, InstanceLabels labels, VariablesJson json) {
    CreateProcessInstanceWithResultResponse.Builder response = CreateProcessInstanceWithResultResponse.newBuilder();
    // gateway.proto gives the with-result answer every field of the plain one, under the same
    // names: copied by name, so the two answers cannot drift apart
    Message created = created(view, labels);
    for (Descriptors.FieldDescriptor field : created.getDescriptorForType().getFields()) {
      if (field.isRepeated() || created.hasField(field)) {
        response.setField(response.getDescriptorForType().findFieldByName(field.getName()), created.getField(field));
      }
    }
    return response.setVariables(json.write(variables)).build();
  }

  static ActivatedJob job(ActivatedJobData job, VariablesJson json) {
    return ActivatedJob.newBuilder()
        .setKey(job.key())
        .setType(job.type())
        .setProcessInstanceKey(job.processInstanceKey())
        .setBpmnProcessId(job.bpmnProcessId())
        .setProcessDefinitionVersion(job.processDefinitionVersion())
        .setProcessDefinitionKey(job.processDefinitionKey())
        .setElementId(job.elementId())
        .setElementInstanceKey(job.elementInstanceKey())
        .setCustomHeaders(job.customHeaders().isEmpty() ? "{}" : json.write(job.customHeaders()))
        .setWorker(job.worker())
        .setRetries(job.retries())
        .setDeadline(job.deadlineEpochMillis())
        .setVariables(job.variables().isEmpty() ? "{}" : json.write(job.variables()))
        .setTenantId(TENANT)
        .setKind(ActivatedJob.JobKind.BPMN_ELEMENT)
        .setListenerEventType(ActivatedJob.ListenerEventType.UNSPECIFIED)
        .build();
  }
}
