package io.github.workerbench.tests;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test factories the {@link BenchmarkSession} of the current test run: one per launcher
 * run (kept in the root store), so every factory appends to the same results file. The properties
 * come from the JUnit configuration parameters, which fall back to the system properties.
 *
 * <p>Thread-safe: the store creates the session once.
 */
public final class BenchmarkSessionExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(BenchmarkSessionExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == BenchmarkSession.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    try {
      return context
          .getRoot()
          .getStore(NAMESPACE)
          .getOrComputeIfAbsent(
              BenchmarkSession.class,
              key ->
                  new BenchmarkSession(
                      BenchmarkProperties.from(
                          name -> context.getConfigurationParameter(name).orElse(null))),
              BenchmarkSession.class);
    } catch (IllegalArgumentException e) {
      throw new ParameterResolutionException(e.getMessage(), e);
    }
  }
}
