package io.github.workerbench.tests;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the smoke factory of {@link PhaseScenariosIT} on the container engine and prints how the
 * factory ended ({@value #OUTCOME} status and reason): run by {@link NoDockerSkipIT} in a JVM
 * whose {@code DOCKER_HOST} names no daemon. The only argument is the results file.
 */
public final class FactoryWithoutDockerMain {

  static final String OUTCOME = "FACTORY ";

  private FactoryWithoutDockerMain() {}

  public static void main(String[] args) {
    LauncherFactory.create(
            LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
        .execute(
            request()
                .selectors(selectClass(PhaseScenariosIT.class))
                .filters(TagFilter.includeTags(PhaseTags.SMOKE))
                .configurationParameter(BenchmarkProperties.ENGINE, "container")
                .configurationParameter(BenchmarkProperties.RESULTS_FILE, args[0])
                .build(),
            new TestExecutionListener() {
              @Override
              public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (test.getDisplayName().startsWith("smoke")) {
                  System.out.println(
                      OUTCOME
                          + result.getStatus()
                          + " "
                          + result.getThrowable().map(Throwable::getMessage).orElse(""));
                }
              }
            });
  }
}
