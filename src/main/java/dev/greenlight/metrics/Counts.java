package dev.greenlight.metrics;

/**
 * The raw figures of one period, from every source. A null field is a source Greenlight has no records of (yet): the
 * metrics built on it say "no data" rather than 0.
 */
record Counts(long published, long rolledBack, Long failedChecksNotRolledBack, long deployTimes,
        Double deploySecondsP50, Double deploySecondsP90, long changesetsShipped, Double leadTimeSecondsP50,
        Long defects, Long securityIncidents, Long incidentReleasesNotRolledBack, Double restoreSecondsP50,
        Double worstRegressionPercent) {

    static Counts releasesOnly(ReleaseFigures.Row r) {
        return new Counts(r.published(), r.rolledBack(), null, r.deployTimes(), r.deploySecondsP50(),
                r.deploySecondsP90(), r.changesetsShipped(), r.leadTimeSecondsP50(), null, null, null, null, null);
    }

    Counts withChecks(CheckFigures.Row c) {
        return new Counts(published, rolledBack, c.failedNotRolledBack(), deployTimes, deploySecondsP50,
                deploySecondsP90, changesetsShipped, leadTimeSecondsP50, defects, securityIncidents,
                incidentReleasesNotRolledBack, restoreSecondsP50, c.worstRegressionPercent());
    }

    Counts withIncidents(IncidentFigures.Row i) {
        return new Counts(published, rolledBack, failedChecksNotRolledBack, deployTimes, deploySecondsP50,
                deploySecondsP90, changesetsShipped, leadTimeSecondsP50, i.defects(), i.securityIncidents(),
                i.releasesNotRolledBack(), i.restoreSecondsP50(), worstRegressionPercent);
    }
}
