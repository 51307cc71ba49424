package dev.greenlight.calendar;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bounds of freeze windows and their announcements; docs/policy.md documents every key. */
@ConfigMapping(prefix = "greenlight.policy.freeze")
public interface FreezePolicy {

    /** The longest one occurrence may last. */
    @WithDefault("P60D")
    Duration maxDuration();

    /** How far ahead windows are checked for overlaps, and the widest range one calendar query may ask for. */
    @WithDefault("P400D")
    Duration horizon();

    /** Windows that may exist at once. */
    @WithDefault("200")
    int maxWindows();

    /** Occurrences of one window expanded per query. */
    @WithDefault("500")
    int maxOccurrences();

    /** A freeze start or end older than this when the job first sees it is not announced any more. */
    @WithDefault("PT1H")
    Duration announceWithin();

    /** How often each instance looks for freezes starting or ending, to announce them ("off" stops it). */
    @WithDefault("1m")
    String jobInterval();
}
