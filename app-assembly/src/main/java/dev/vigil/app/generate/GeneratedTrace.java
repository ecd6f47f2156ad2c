package dev.vigil.app.generate;

import java.util.List;

/**
 * The generator's own model of what it writes: plain values that both writers turn into their format. Times are
 * epoch milliseconds; argument values are strings, longs, doubles or booleans.
 */
final class GeneratedTrace {

    private GeneratedTrace() {}

    /**
     * An exact decimal number, {@code unscaled / 10^scale}: written digit by digit so that the output never depends on
     * how a JDK prints a {@code double}.
     */
    record Decimal(long unscaled, int scale) {
        @Override
        public String toString() {
            return java.math.BigDecimal.valueOf(unscaled, scale).toPlainString();
        }
    }

    /** One tool-call argument; the value is a String, Long, Boolean or {@link Decimal}. */
    record Arg(String name, Object value) {}

    /** One tool call and what the tool answered. */
    record Call(String name, List<Arg> arguments, String id, String result, boolean error) {}

    /** One LLM call (one step: the generator writes no step structure, so each turn is a step). */
    record Turn(
            int number,
            String finishReason,
            long inputTokens,
            long outputTokens,
            long costMicros,
            long startMillis,
            long endMillis,
            String content,
            List<Call> calls) {

        double latencyMs() {
            return endMillis - startMillis;
        }
    }

    /** Marks a run as one of K candidates of its task: confidence in tenths of a percent, outcome 1 or 0. */
    record CandidateMark(int index, int confidenceTenths, boolean succeeded) {}

    /** One agent's run; {@code candidate} is null unless the run belongs to a best-of-K group. */
    record Run(
            String runId,
            String agentId,
            String taskId,
            String taskType,
            String complexity,
            String terminationReason,
            String errorMessage,
            String errorType,
            boolean recoveryApplied,
            long startMillis,
            long endMillis,
            long systemPromptTokens,
            int expectedSteps,
            String finalOutput,
            String model,
            List<Turn> turns,
            CandidateMark candidate) {}

    /** One message between team members. */
    record Message(String from, String to, long sentMillis, String channel) {}

    /** A team run: the lead's run first. */
    record Team(String teamRunId, String taskId, List<Run> agentRuns, List<Message> messages) {}
}
