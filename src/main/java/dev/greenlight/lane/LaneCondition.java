package dev.greenlight.lane;

import java.util.LinkedHashMap;
import java.util.Map;

/** One condition of the standard-change rule, whether it held, and the value it was judged on, in words. */
public record LaneCondition(String key, String label, boolean holds, String value) {

    Map<String, Object> audited() {
        Map<String, Object> audited = new LinkedHashMap<>();
        audited.put("condition", key);
        audited.put("holds", holds);
        audited.put("value", value);
        return audited;
    }
}
