package dev.greenlight.archfixture;

import dev.greenlight.workspace.WorkspacePackage;

/** Breaks the ownership rule on purpose, so that ArchitectureTest can show that its rule catches it. */
public class ForeignWriter {

    public void rename(WorkspacePackage workspacePackage) {
        workspacePackage.name = "changed from outside the workspace package";
    }
}
