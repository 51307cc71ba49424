package dev.greenlight.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.Users;

/** The dashboard's counts per state come from a table kept by triggers: they must match the releases themselves. */
@QuarkusTest
class StateCountTest {
    @Inject
    Fixtures fixtures;
    @Inject
    ReleaseService releases;
    @Inject
    EntityManager em;

    private Map<ReleaseState, Long> counted() {
        Map<ReleaseState, Long> counts = new LinkedHashMap<>();
        for (ReleaseState state : ReleaseState.values()) {
            counts.put(state, 0L);
        }
        em.createQuery("select r.state, count(r) from Release r group by r.state", Object[].class)
                .getResultList()
                .forEach(row -> counts.put((ReleaseState) row[0], (Long) row[1]));
        return counts;
    }

    @Test
    void countsPerStateFollowCreationsAndEveryTransition() {
        fixtures.neuronxWorkspace();
        fixtures.changeset(Users.ALICE, "count-a", "\"@neuronx/core\": patch", "Change a");
        fixtures.changeset(Users.ALICE, "count-b", "\"@neuronx/cli\": patch", "Change b");
        fixtures.changeset(Users.BOB, "count-c", "\"@neuronx/ui\": patch", "Change c");
        ReleaseView draft = fixtures.draftRelease(Users.ALICE, "Stays a draft", "count-a");
        ReleaseView cancelled = fixtures.submittedRelease(Users.ALICE, "Cancelled in review", "count-b");
        releases.cancel(Users.ALICE.actor(), cancelled.id(), "Not needed");
        fixtures.approvedRelease(Users.BOB, "Approved", "count-c");

        Map<ReleaseState, Long> shown = releases.countByState();
        assertThat(shown).isEqualTo(counted());
        assertThat(shown.get(ReleaseState.DRAFT)).as("draft %s", draft.id()).isEqualTo(1);
        assertThat(shown.get(ReleaseState.CANCELLED)).isEqualTo(1);
        assertThat(shown.get(ReleaseState.APPROVED)).isEqualTo(1);
        assertThat(shown.get(ReleaseState.IN_REVIEW)).isZero();
    }
}
