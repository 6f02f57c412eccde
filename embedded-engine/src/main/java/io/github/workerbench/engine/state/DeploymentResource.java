package io.github.workerbench.engine.state;

/** One file of a deployment: its name and bytes (not copied; callers must not change them). */
public record DeploymentResource(String name, byte[] content) {}
