package dev.greenlight.demo;

import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;

import dev.greenlight.changeset.ChangesetService;
import dev.greenlight.changeset.ChangesetService.ChangesetFile;
import dev.greenlight.changeset.PreReleaseTag;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.release.ReleaseView;
import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;
import dev.greenlight.workspace.WorkspaceService;

/** NeuronX's workspace with changesets and releases in several states, loaded once into an empty dev database. */
@IfBuildProfile("dev")
class DemoData {
    private static final Logger LOG = Logger.getLogger(DemoData.class);
    private static final Actor MAX = Actor.of("max", Role.MAINTAINER);
    private static final Actor ALICE = Actor.of("alice", Role.AUTHOR);
    private static final Actor BOB = Actor.of("bob", Role.AUTHOR);

    private final WorkspaceService workspace;
    private final ChangesetService changesets;
    private final ReleaseService releases;

    @Inject
    DemoData(WorkspaceService workspace, ChangesetService changesets, ReleaseService releases) {
        this.workspace = workspace;
        this.changesets = changesets;
        this.releases = releases;
    }

    void load(@Observes StartupEvent event) {
        if (!workspace.manifests().isEmpty()) {
            return;
        }
        LOG.info("Loading NeuronX demo data");
        workspace.save(MAX, NeuronxWorkspace.packages());

        changesets.submitFiles(ALICE, List.of(
                file("brave-cats-dance", "\"@neuronx/core\": minor", "Add release evidence capture to the core API"),
                file("quiet-owls-sing", "\"@neuronx/cli\": patch", "Fix `neuronx login` hanging behind a proxy")));
        ReleaseView inReview = releases.create(ALICE, "Evidence capture and CLI proxy fix", List.of(), null);
        releases.submit(ALICE, inReview.id());

        changesets.submitFiles(BOB, List.of(
                file("lazy-dogs-run", "\"@neuronx/ui\": minor", "Dark mode for the release dashboard"),
                file("tidy-foxes-jump", "\"@neuronx/sdk\": patch", "Retry idempotent requests on 503")));
        releases.create(BOB, "Dark mode", List.of("lazy-dogs-run"), PreReleaseTag.BETA);

        changesets.submitFiles(ALICE, List.of(
                file("bold-wolves-howl", "\"@neuronx/api\": major", "Remove the deprecated v1 release endpoints")));
        ReleaseView cancelled = releases.create(ALICE, "Drop v1 endpoints", List.of("bold-wolves-howl"), null);
        releases.cancel(ALICE, cancelled.id(), "Customers still call v1; wait for the deprecation window to end.");

        changesets.submitFiles(BOB, List.of(
                file("green-bees-hum", "\"@neuronx/core\": patch\n\"@neuronx/api\": patch",
                        "Tighten input validation on release plans")));
    }

    private static ChangesetFile file(String id, String frontMatter, String summary) {
        return new ChangesetFile(id + ".md", "---\n" + frontMatter + "\n---\n\n" + summary + "\n");
    }
}
