package io.github.workerbench.core.engine;

/**
 * Starts a container engine on the image given and exits without closing it, as a JVM that
 * crashes or is stopped would: what removes the container then is under test.
 */
public final class UnclosedEngineMain {

  /** The line that gives the container's id. */
  static final String STARTED = "STARTED ";

  private UnclosedEngineMain() {}

  public static void main(String[] args) {
    ContainerEngine engine = new ContainerEngine(args[0]);
    engine.start();
    System.out.println(STARTED + engine.containerId());
    System.out.flush();
    System.exit(0);
  }
}
