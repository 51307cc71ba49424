package dev.greenlight.environment;

/** What CI says of one step of a deployment. */
public enum DeploymentStatus {
    STARTED,
    SUCCEEDED,
    FAILED
}
