package dev.vigil.coordination;

/** Where the collector persists each team run's metrics; the assembly's store keeps them for the report. */
@FunctionalInterface
public interface CoordinationMetricsStore {

    /** Keeps {@code record}; a failure is logged by the collector and never fatal. */
    void record(CoordinationMetricsRecord record);
}
