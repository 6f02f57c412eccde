package io.github.workerbench.core.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.workerbench.model.scenario.StrategyKind;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a user's handler from a jar built from source, and every way it can be refused. */
class UserHandlerTest {

  @TempDir static Path folder;
  private static String jar;

  @BeforeAll
  static void buildJar() throws IOException {
    jar = HandlerJar.build(folder).toString();
  }

  @Test
  void shouldLoadABlockingAndANonBlockingHandlerWhenTheyAreInTheJar() {
    try (UserHandler blocking = UserHandler.load("acme.CompletingHandler", jar);
        UserHandler nonBlocking = UserHandler.load("acme.AsyncCompletingHandler", jar)) {
      assertThat(blocking.nonBlocking()).isFalse();
      assertThat(nonBlocking.nonBlocking()).isTrue();
      nonBlocking.requireRunnableBy(StrategyKind.ASYNC);
      blocking.requireRunnableBy(StrategyKind.PROCESS);
    }
  }

  @Test
  void shouldNameTheClassAndTheJarWhenTheHandlerCannotRun() {
    assertRefused("acme.Missing", jar, "handler acme.Missing: no such class in " + jar);
    assertRefused(
        "acme.NotAHandler",
        jar,
        "handler acme.NotAHandler (" + jar + ") implements neither"
            + " io.camunda.client.api.worker.JobHandler nor io.github.workerbench.api.AsyncJobHandler");
    assertRefused(
        "acme.NoDefaultConstructor",
        jar,
        "handler acme.NoDefaultConstructor (" + jar + ") has no public constructor without arguments");
    assertRefused(
        "acme.ThrowingConstructor",
        jar,
        "handler acme.ThrowingConstructor (" + jar + ") threw in its constructor:"
            + " IllegalStateException: no database configured");
    assertRefused(
        "acme.CompletingHandler",
        folder.resolve("missing.jar").toString(),
        "handler acme.CompletingHandler: " + folder.resolve("missing.jar") + " does not exist");
  }

  @Test
  void shouldRefuseABlockingHandlerWhenTheStrategyIsTheEventLoop() {
    assertThatThrownBy(() -> UserHandler.check("acme.CompletingHandler", jar, StrategyKind.ASYNC))
        .isInstanceOf(HandlerException.class)
        .hasMessageStartingWith("handler acme.CompletingHandler (" + jar + ") implements the blocking")
        .hasMessageContaining("io.github.workerbench.api.AsyncJobHandler")
        .hasMessageNotContaining("\n");
  }

  private static void assertRefused(String className, String classpath, String message) {
    assertThatThrownBy(() -> UserHandler.check(className, classpath, StrategyKind.THREAD))
        .isInstanceOf(HandlerException.class)
        .hasMessageStartingWith(message)
        .hasMessageNotContaining("\n");
  }
}
