package io.github.workerbench.engine.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProcessModelParserTest {

  private final ProcessModelParser parser = new ProcessModelParser();

  private ProcessModel parse(BpmnModelInstance model) {
    return parser.parse("process.bpmn", Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldReadTasksInOrderWhenModelIsStartTasksEnd() {
    // given
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("order")
            .startEvent("start")
            .serviceTask("reserve", t -> t.zeebeJobType("reserve").zeebeJobRetries("5").zeebeTaskHeader("tier", "gold"))
            .serviceTask("ship", t -> t.zeebeJobType("ship"))
            .endEvent("end")
            .done();

    // when
    ProcessModel parsed = parse(model);

    // then
    assertThat(parsed.bpmnProcessId()).isEqualTo("order");
    assertThat(parsed.tasks())
        .containsExactly(
            new ServiceTask("reserve", "reserve", 5, Map.of("tier", "gold")),
            new ServiceTask("ship", "ship", 3, Map.of()));
  }

  static Stream<Arguments> unsupportedModels() {
    return Stream.of(
        Arguments.of(
            "choose",
            Bpmn.createExecutableProcess("p").startEvent().exclusiveGateway("choose")
                .defaultFlow().serviceTask("a", t -> t.zeebeJobType("a")).endEvent()
                .done()),
        Arguments.of(
            "approve",
            Bpmn.createExecutableProcess("p").startEvent().userTask("approve").endEvent().done()),
        Arguments.of(
            "timerBoundary",
            Bpmn.createExecutableProcess("p").startEvent()
                .serviceTask("work", t -> t.zeebeJobType("work"))
                .boundaryEvent("timerBoundary", b -> b.timerWithDuration("PT1M").endEvent())
                .endEvent()
                .done()),
        Arguments.of(
            "wait",
            Bpmn.createExecutableProcess("p").startEvent()
                .intermediateCatchEvent("wait", e -> e.timerWithDuration("PT1S"))
                .endEvent()
                .done()),
        Arguments.of(
            "sub",
            Bpmn.createExecutableProcess("p").startEvent()
                .subProcess("sub", s -> s.embeddedSubProcess().startEvent().endEvent())
                .endEvent()
                .done()),
        Arguments.of(
            "messageStart",
            Bpmn.createExecutableProcess("p").startEvent("messageStart").message("hello")
                .serviceTask("a", t -> t.zeebeJobType("a")).endEvent()
                .done()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unsupportedModels")
  void shouldRefuseNamingElementWhenModelHasUnsupportedElement(String elementId, BpmnModelInstance model) {
    // given an element outside start event, service tasks in sequence, end event

    // when / then
    assertThatThrownBy(() -> parse(model))
        .isInstanceOf(UnsupportedModelException.class)
        .hasMessageContaining("'" + elementId + "'");
  }

  @Test
  void shouldRefuseNamingTaskWhenTaskTypeIsMissing() {
    // given
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("p").startEvent().serviceTask("untyped").endEvent().done();

    // when / then
    assertThatThrownBy(() -> parse(model))
        .isInstanceOf(UnsupportedModelException.class)
        .hasMessageContaining("'untyped'")
        .hasMessageContaining("zeebe:taskDefinition");
  }

  @Test
  void shouldRefuseWhenContentIsNotBpmn() {
    // given
    byte[] content = "not xml".getBytes(StandardCharsets.UTF_8);

    // when / then
    assertThatThrownBy(() -> parser.parse("broken.bpmn", content))
        .isInstanceOf(UnsupportedModelException.class)
        .hasMessageContaining("broken.bpmn");
  }
}
