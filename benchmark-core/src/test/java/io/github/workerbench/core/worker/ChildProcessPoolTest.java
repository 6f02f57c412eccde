package io.github.workerbench.core.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.workerbench.core.workload.WorkFailedException;
import io.github.workerbench.model.scenario.WorkloadKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChildProcessPoolTest {

  @Test
  void shouldReplaceTheChildWhenItDiesMidJob() throws Exception {
    // given
    try (ChildProcessPool pool = new ChildProcessPool(1, 20_000_000)) {
      ProcessHandle first = pool.children().get(0);
      assertThat(pool.startupTime()).isPositive();

      // when: the child is killed, so the job it is handed never gets an answer
      first.destroyForcibly();
      await("the child to die").atMost(Duration.ofSeconds(10)).until(() -> !first.isAlive());
      assertThatThrownBy(() -> pool.run(WorkloadKind.SLEEP, Duration.ofSeconds(20)))
          .isInstanceOf(WorkFailedException.class)
          .hasMessageContaining("died");

      // then: a new child serves the next job
      await("a replacement child")
          .atMost(Duration.ofSeconds(20))
          .until(() -> pool.children().size() == 1 && !pool.children().get(0).equals(first));
      pool.run(WorkloadKind.SLEEP, Duration.ofMillis(10));
      assertThat(pool.children().get(0).isAlive()).isTrue();
    }
  }

  @Test
  void shouldReportTheChildsErrorWhenItsWorkFails() throws Exception {
    // given
    try (ChildProcessPool pool = new ChildProcessPool(1, 20_000_000)) {

      // when / then: io in a child works, and a bad duration comes back as an error reply
      pool.run(WorkloadKind.IO, Duration.ofMillis(5));
      assertThatThrownBy(() -> pool.run(WorkloadKind.SLEEP, Duration.ofNanos(-1)))
          .isInstanceOf(WorkFailedException.class);
      pool.run(WorkloadKind.SLEEP, Duration.ofMillis(5));
    }
  }
}
