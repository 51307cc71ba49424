package dev.greenlight.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The rule alone: which events a reader who may not see incident 7 (post-mortem 3) reads withheld. */
class WithholdingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Withholding withholding = new Withholding(Map.of("incident", Set.of("7"), "postmortem", Set.of("3")));

    /** Both ways the log reads payloads, as maps (search, history) and as text (exports), must agree. */
    private boolean withholds(String type, String id, Map<String, Object> before, Map<String, Object> after)
            throws JsonProcessingException {
        boolean fromMaps = withholding.withholds(type, id, before, after);
        boolean fromText = withholding.withholds(type, id, before == null ? null : JSON.writeValueAsString(before),
                after == null ? null : JSON.writeValueAsString(after));
        assertThat(fromText).as("%s %s read from text as from maps", type, id).isEqualTo(fromMaps);
        return fromMaps;
    }

    @Test
    void theHiddenIncidentsAndPostmortemsOwnEventsAreWithheldWithTheirIds() throws Exception {
        assertThat(withholds("incident", "7", null, Map.of("title", "Token leak"))).isTrue();
        assertThat(withholding.hidesSubject("incident", "7")).isTrue();
        assertThat(withholds("postmortem", "3", Map.of("summary", "a"), Map.of("summary", "b"))).isTrue();
        assertThat(withholding.hidesSubject("postmortem", "3")).isTrue();
        assertThat(withholds("incident", "8", null, Map.of("title", "Slow pages"))).isFalse();
        assertThat(withholds("postmortem", "7", null, Map.of("incident", 8))).isFalse();
    }

    @Test
    void anEventThatNamesAHiddenIncidentAnywhereInItsPayloadIsWithheldButKeepsItsSubjectId() throws Exception {
        assertThat(withholds("emergency", "5", null, Map.of("state", "REQUESTED", "incident", 7))).isTrue();
        assertThat(withholds("override", "5", Map.of("incident", "7"), null)).isTrue();
        assertThat(withholds("rollback", "2", null, Map.of("reason", "r", "incidentId", 7))).isTrue();
        assertThat(withholds("release", "9", null, Map.of("links", List.of(Map.of("incident", 7))))).isTrue();
        assertThat(withholding.hidesSubject("emergency", "5")).isFalse();
    }

    @Test
    void otherNumbersAndOtherKeysWithholdNothing() throws Exception {
        assertThat(withholds("emergency", "7", null, Map.of("incident", 8, "release", 7))).isFalse();
        assertThat(withholds("gate-result", "7", Map.of("incidents", 7), Map.of("note", "incident 7"))).isFalse();
        assertThat(withholds("rollback", "2", null, Map.of("incidentId", 70))).isFalse();
        assertThat(withholds("release", "1", null, null)).isFalse();
    }

    @Test
    void aReaderWhoSeesEveryIncidentReadsEverything() throws Exception {
        assertThat(Withholding.NONE.withholds("incident", "7", null, Map.of("incident", 7))).isFalse();
        assertThat(Withholding.NONE.withholds("incident", "7", null, "{\"incident\":7}")).isFalse();
        Withholding nothingHidden = new Withholding(Map.of("incident", Set.of(), "postmortem", Set.of()));
        assertThat(nothingHidden.isEmpty()).isTrue();
        assertThat(nothingHidden.withholds("emergency", "1", null, "{\"incident\":7}")).isFalse();
    }
}
