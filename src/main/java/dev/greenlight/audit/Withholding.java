package dev.greenlight.audit;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The one rule for what a reader may read of each audit event, applied by the search, a release's history, the
 * exports and the evidence bundle. An event is withheld when its subject is hidden from the reader
 * ({@link AuditConfidentiality}: a security incident they may not see, or its post-mortem, whose timeline entries and
 * action items are the post-mortem's events), or when its payload names a hidden subject anywhere in it, as an
 * emergency, an override or a rollback names its incident under {@code "incident"} or {@code "incidentId"} (the key is
 * the subject's type, alone or followed by {@code Id}). A withheld event keeps its row (id, time, actor, action, subject type, release,
 * hashes) so that counts and the chain's links stay whole; its payloads, and the id of a hidden subject, are left out.
 */
final class Withholding {
    static final String REASON = "concerns a security incident you cannot see";
    /** What a withheld payload reads instead: null already means "no state". */
    static final String SHOWN = "withheld: " + REASON;
    static final Withholding NONE = new Withholding(Map.of());

    private static final JsonFactory JSON = new JsonFactory();

    private final Map<String, Set<String>> hidden;
    private final boolean empty;

    Withholding(Map<String, Set<String>> hidden) {
        this.hidden = Map.copyOf(hidden);
        this.empty = hidden.values().stream().allMatch(Set::isEmpty);
    }

    boolean isEmpty() { return empty; }

    /** Whether the event's subject itself is hidden: then its id is withheld too. */
    boolean hidesSubject(String entityType, String entityId) {
        return hidden.getOrDefault(entityType, Set.of()).contains(entityId);
    }

    /** For an event read as an entity, its payloads as maps. */
    boolean withholds(String entityType, String entityId, Map<String, Object> before, Map<String, Object> after) {
        if (isEmpty()) {
            return false;
        }
        return hidesSubject(entityType, entityId) || mapNamesHidden(before) || mapNamesHidden(after);
    }

    /** For an event read from a cursor, its payloads as JSON text. */
    boolean withholds(String entityType, String entityId, String before, String after) {
        if (isEmpty()) {
            return false;
        }
        return hidesSubject(entityType, entityId) || textNamesHidden(before) || textNamesHidden(after);
    }

    /** Whether the payload names a hidden subject at any depth, in a list or a nested object too. */
    private boolean mapNamesHidden(Object payload) {
        if (payload instanceof Map<?, ?> fields) {
            for (Map.Entry<?, ?> field : fields.entrySet()) {
                Object value = field.getValue();
                if (value instanceof Map<?, ?> || value instanceof Iterable<?>) {
                    if (mapNamesHidden(value)) {
                        return true;
                    }
                } else if (value != null && names(String.valueOf(field.getKey()), String.valueOf(value))) {
                    return true;
                }
            }
        } else if (payload instanceof Iterable<?> items) {
            for (Object item : items) {
                if (mapNamesHidden(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The same from JSON text, parsed only when it mentions a hidden subject's type at all. */
    private boolean textNamesHidden(String payload) {
        if (payload == null || hidden.keySet().stream().noneMatch(type -> payload.contains("\"" + type))) {
            return false;
        }
        try (JsonParser json = JSON.createParser(payload)) {
            for (JsonToken token = json.nextToken(); token != null; token = json.nextToken()) {
                if (token == JsonToken.FIELD_NAME) {
                    String field = json.currentName();
                    if (json.nextToken().isScalarValue() && names(field, json.getText())) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable audit event content", e);
        }
    }

    private boolean names(String field, String value) {
        for (Map.Entry<String, Set<String>> subjects : hidden.entrySet()) {
            if (keys(subjects.getKey()).contains(field) && subjects.getValue().contains(value)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> keys(String type) {
        return Set.of(type, type + "Id");
    }
}
