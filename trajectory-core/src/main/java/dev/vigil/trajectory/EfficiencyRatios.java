package dev.vigil.trajectory;

import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.Step;
import dev.vigil.spi.model.Turn;
import java.util.ArrayList;
import java.util.List;

/**
 * How far a run is from its task type's ideal baseline (trajectory.md §8). Every ratio is observed ÷ ideal, so 1.0 is
 * on target and above 1.0 is worse.
 *
 * @param stepRatio observed steps ÷ ideal steps; {@code >= 0}
 * @param toolCallRatio observed ÷ ideal tool calls; with an ideal of 0 it is 0.0 for no calls and the raw observed
 *     count otherwise; {@code >= 0}
 * @param latencyRatio observed ÷ ideal seconds; {@code >= 0}
 * @param verbosityRatio observed ÷ ideal output tokens; {@code >= 0}
 * @param structuralErosionScore the run's structural erosion composite, passed through; in [0.0, 1.0]
 * @param verbosityDeltaPerIteration step-to-step differences in output tokens (F13), passed through; finite
 * @param pte the run's prefill token equivalents; {@code >= 0}
 * @param pteRatio observed ÷ ideal PTE; {@code >= 0}
 * @param baselineVersion the baseline's {@link IdealTrajectoryBaseline#version()}; not blank
 */
public record EfficiencyRatios(
        double stepRatio,
        double toolCallRatio,
        double latencyRatio,
        double verbosityRatio,
        double structuralErosionScore,
        List<Double> verbosityDeltaPerIteration,
        double pte,
        double pteRatio,
        String baselineVersion) {

    /** Validates every component and copies the delta list. */
    public EfficiencyRatios {
        Checks.nonNegative("stepRatio", stepRatio);
        Checks.nonNegative("toolCallRatio", toolCallRatio);
        Checks.nonNegative("latencyRatio", latencyRatio);
        Checks.nonNegative("verbosityRatio", verbosityRatio);
        Checks.inUnitInterval("structuralErosionScore", structuralErosionScore);
        verbosityDeltaPerIteration = finiteCopy("verbosityDeltaPerIteration", verbosityDeltaPerIteration);
        Checks.nonNegative("pte", pte);
        Checks.nonNegative("pteRatio", pteRatio);
        Checks.notBlank("baselineVersion", baselineVersion);
    }

    /**
     * Computes the ratios of observed values against a baseline.
     *
     * @throws IllegalArgumentException for a negative or non-finite observation, an erosion score outside [0.0, 1.0]
     *     or a null or non-finite delta
     */
    public static EfficiencyRatios compute(
            IdealTrajectoryBaseline baseline,
            int observedSteps,
            int observedToolCalls,
            double observedLatencySeconds,
            long observedOutputTokens,
            double structuralErosionScore,
            List<Double> verbosityDeltas,
            double observedPte) {
        Checks.required("baseline", baseline);
        Checks.atLeast("observedSteps", observedSteps, 0);
        Checks.atLeast("observedToolCalls", observedToolCalls, 0);
        Checks.nonNegative("observedLatencySeconds", observedLatencySeconds);
        Checks.atLeast("observedOutputTokens", observedOutputTokens, 0);
        Checks.nonNegative("observedPte", observedPte);

        double stepRatio = observedSteps / (double) baseline.idealStepCount();
        double toolCallRatio;
        if (baseline.idealToolCallCount() > 0) {
            toolCallRatio = observedToolCalls / (double) baseline.idealToolCallCount();
        } else {
            // An ideal of zero calls has no ratio: report 0.0 for none, else the raw count so any call shows up.
            toolCallRatio = observedToolCalls;
        }
        double latencyRatio = observedLatencySeconds / baseline.idealLatencySeconds();
        double verbosityRatio = observedOutputTokens / (double) baseline.idealOutputTokens();
        double pteRatio = observedPte / baseline.idealPte();
        return new EfficiencyRatios(
                stepRatio,
                toolCallRatio,
                latencyRatio,
                verbosityRatio,
                structuralErosionScore,
                verbosityDeltas,
                observedPte,
                pteRatio,
                baseline.version());
    }

    /**
     * Computes the ratios of one run as trajectory.md §8 prescribes: steps, tool calls, duration (F2), output tokens,
     * the given erosion composite, {@link #verbosityDeltas(Run)} and the run's PTE under {@code pteConfig}.
     *
     * @param structuralErosionScore the composite over the run's turns (health.md §11), in [0.0, 1.0]
     */
    public static EfficiencyRatios forRun(
            IdealTrajectoryBaseline baseline, Run run, double structuralErosionScore, PteConfig pteConfig) {
        Checks.required("run", run);
        return compute(
                baseline,
                run.steps().size(),
                run.totalToolCalls(),
                run.durationSeconds(),
                run.totalOutputTokens(),
                structuralErosionScore,
                verbosityDeltas(run),
                PrefillTokenEquivalents.ofRun(run, pteConfig));
    }

    /**
     * The verbosity deltas of a run (F13): for each step i ≥ 1, its output tokens minus those of step i−1, where a
     * step's output tokens are the sum over its turns. A run with one step gives an empty list.
     */
    public static List<Double> verbosityDeltas(Run run) {
        Checks.required("run", run);
        List<Step> steps = run.steps();
        List<Double> deltas = new ArrayList<>(Math.max(0, steps.size() - 1));
        long previous = 0;
        for (int i = 0; i < steps.size(); i++) {
            long current = 0;
            for (Turn turn : steps.get(i).turns()) {
                current += turn.outputTokens();
            }
            if (i >= 1) {
                deltas.add((double) (current - previous));
            }
            previous = current;
        }
        return List.copyOf(deltas);
    }

    private static List<Double> finiteCopy(String name, List<Double> values) {
        Checks.required(name, values);
        List<Double> copy = new ArrayList<>(values.size());
        for (Double value : values) {
            if (value == null) {
                throw new IllegalArgumentException(name + " must not contain null");
            }
            Checks.finite(name, value);
            copy.add(value);
        }
        return List.copyOf(copy);
    }
}
