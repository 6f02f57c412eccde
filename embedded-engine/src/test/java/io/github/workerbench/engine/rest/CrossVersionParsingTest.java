package io.github.workerbench.engine.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.workerbench.engine.ApiVersion;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * What a strict client generated from one version's spec meets in the other version's answers:
 * every violation the other spec's schemas find in the answers of every route ({@link
 * RestExchanges}), listed here in full so that README's engine section, which states them, cannot
 * drift. A lenient client (the Java client, which ignores unknown properties and takes a missing
 * field as null) parses both; see {@code ApiVersionClientsIT}.
 */
class CrossVersionParsingTest {

  private static Set<String> violations(ApiVersion server, ApiVersion client) {
    SpecDigest spec = SpecDigest.of(client);
    Set<String> found = new TreeSet<>();
    for (RestExchanges.Exchange exchange : RestExchanges.run(server)) {
      if (exchange.body() != null) {
        spec.violations(exchange.body(), exchange.schema()).forEach(v -> found.add(exchange.schema() + " " + v));
      }
    }
    return found;
  }

  @Test
  void shouldMeetNullsAndUnknownFieldsWhenAn88ClientReads89Answers() {
    // when
    Set<String> found = violations(ApiVersion.V8_9, ApiVersion.V8_8);

    // then
    assertThat(found)
        .containsExactlyInAnyOrder(
            "TopologyResponse clusterId: not in TopologyResponse",
            "DeploymentResult deployments[].decisionDefinition: null, but DeploymentMetadataResult.decisionDefinition is not nullable",
            "DeploymentResult deployments[].decisionRequirements: null, but DeploymentMetadataResult.decisionRequirements is not nullable",
            "DeploymentResult deployments[].form: null, but DeploymentMetadataResult.form is not nullable",
            "DeploymentResult deployments[].resource: null, but DeploymentMetadataResult.resource is not nullable",
            "CreateProcessInstanceResult businessId: not in CreateProcessInstanceResult",
            "ProcessInstanceSearchQueryResult items[].processDefinitionVersionTag: null, but ProcessInstanceResult.processDefinitionVersionTag is not nullable",
            "ProcessInstanceSearchQueryResult items[].endDate: null, but ProcessInstanceResult.endDate is not nullable",
            "ProcessInstanceSearchQueryResult items[].parentProcessInstanceKey: null, but ProcessInstanceResult.parentProcessInstanceKey is not nullable",
            "ProcessInstanceSearchQueryResult items[].parentElementInstanceKey: null, but ProcessInstanceResult.parentElementInstanceKey is not nullable",
            "ProcessInstanceSearchQueryResult items[].rootProcessInstanceKey: not in ProcessInstanceResult",
            "ProcessInstanceSearchQueryResult items[].businessId: not in ProcessInstanceResult",
            "ProcessInstanceSearchQueryResult page.startCursor: null, but SearchQueryPageResponse.startCursor is not nullable",
            "ProcessInstanceSearchQueryResult page.endCursor: null, but SearchQueryPageResponse.endCursor is not nullable",
            "JobActivationResult jobs[].userTask: null, but ActivatedJobResult.userTask is not nullable",
            "JobActivationResult jobs[].rootProcessInstanceKey: not in ActivatedJobResult");
  }

  @Test
  void shouldMissRequiredFieldsWhenAn89ClientReads88Answers() {
    // when
    Set<String> found = violations(ApiVersion.V8_8, ApiVersion.V8_9);

    // then
    assertThat(found)
        .containsExactlyInAnyOrder(
            "TopologyResponse (answer): missing required TopologyResponse.clusterId",
            "DeploymentResult deployments[]: missing required DeploymentMetadataResult.decisionDefinition",
            "DeploymentResult deployments[]: missing required DeploymentMetadataResult.decisionRequirements",
            "DeploymentResult deployments[]: missing required DeploymentMetadataResult.form",
            "DeploymentResult deployments[]: missing required DeploymentMetadataResult.resource",
            "CreateProcessInstanceResult (answer): missing required CreateProcessInstanceResult.businessId",
            "ProcessInstanceSearchQueryResult items[]: missing required ProcessInstanceResult.processDefinitionVersionTag",
            "ProcessInstanceSearchQueryResult items[]: missing required ProcessInstanceResult.endDate",
            "ProcessInstanceSearchQueryResult items[]: missing required ProcessInstanceResult.parentProcessInstanceKey",
            "ProcessInstanceSearchQueryResult items[]: missing required ProcessInstanceResult.parentElementInstanceKey",
            "ProcessInstanceSearchQueryResult items[]: missing required ProcessInstanceResult.rootProcessInstanceKey",
            "ProcessInstanceSearchQueryResult items[]: missing required ProcessInstanceResult.businessId",
            "ProcessInstanceSearchQueryResult page: missing required SearchQueryPageResponse.startCursor",
            "ProcessInstanceSearchQueryResult page: missing required SearchQueryPageResponse.endCursor",
            "JobActivationResult jobs[]: missing required ActivatedJobResult.userTask",
            "JobActivationResult jobs[]: missing required ActivatedJobResult.rootProcessInstanceKey");
  }
}
