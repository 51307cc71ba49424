package dev.greenlight.metrics;

/**
 * The raw figures of one period, from every source. A null median or maximum means nothing was measured: the metrics
 * built on it say "no data" rather than 0.
 */
record Counts(long published, long rolledBack, long failedChecksNotRolledBack, long deployTimes,
        Double deploySecondsP50, Double deploySecondsP90, long changesetsShipped, Double leadTimeSecondsP50,
        long defects, long securityIncidents, long incidentReleasesNotRolledBack, Double restoreSecondsP50,
        Double worstRegressionPercent) {

    static Counts of(ReleaseFigures.Row r, CheckFigures.Row c, IncidentFigures.Row i) {
        return new Counts(r.published(), r.rolledBack(), c.failedNotRolledBack(), r.deployTimes(),
                r.deploySecondsP50(), r.deploySecondsP90(), r.changesetsShipped(), r.leadTimeSecondsP50(),
                i.defects(), i.securityIncidents(), i.releasesNotRolledBack(), i.restoreSecondsP50(),
                c.worstRegressionPercent());
    }
}
