package dev.vigil.spi.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One agent's execution of one task (data-model.md §6). Build one with
 * {@link #builder(String, String, String, TerminationReason)}.
 *
 * @param runId NotBlank
 * @param agentId NotBlank
 * @param taskId NotBlank (an ingester whose source has no task id uses the runId)
 * @param terminationReason why the run ended, required
 * @param turns strictly increasing turnNumber; null means empty
 * @param sourceSteps the source's step structure; null or empty means one step per turn (F1). When non-empty, step i
 *     has stepIndex i and the steps' turns concatenated are exactly {@code turns}
 * @param errorMessage NotBlank and required for {@code error} and {@code no_op}; null for every other reason
 * @param errorType nullable
 * @param recoveryApplied the agent loop applied a recovery strategy after an error
 * @param startedAt nullable
 * @param endedAt nullable; not before startedAt when both are set
 * @param systemPromptTokens &ge; 0
 * @param expectedSteps &ge; 0; 0 means unknown
 * @param taskType nullable; key for the ideal-trajectory baseline
 * @param complexity nullable; used by the trajectory gate
 * @param finalOutput nullable; used by redundancy
 * @param metadata JSON values, deep-copied and unmodifiable; null means empty
 */
public record Run(
        String runId,
        String agentId,
        String taskId,
        TerminationReason terminationReason,
        List<Turn> turns,
        List<Step> sourceSteps,
        String errorMessage,
        String errorType,
        boolean recoveryApplied,
        Instant startedAt,
        Instant endedAt,
        long systemPromptTokens,
        int expectedSteps,
        String taskType,
        Complexity complexity,
        String finalOutput,
        Map<String, Object> metadata) {

    /** Validates every component, copies the collections and deep-copies the metadata. */
    public Run {
        Checks.notBlank(runId, "runId");
        Checks.notBlank(agentId, "agentId");
        Checks.notBlank(taskId, "taskId");
        Checks.required(terminationReason, "terminationReason");
        turns = Checks.copyList(turns, "turns");
        Checks.strictlyIncreasing(turns);
        sourceSteps = StepList.stored(Checks.copyList(sourceSteps, "sourceSteps"));
        checkPartition(turns, sourceSteps);
        checkErrorMessage(terminationReason, errorMessage);
        Checks.ordered(startedAt, endedAt);
        Checks.atLeast(systemPromptTokens, 0L, "systemPromptTokens");
        Checks.atLeast(expectedSteps, 0, "expectedSteps");
        metadata = JsonValues.copyObject(metadata, "metadata");
    }

    private static void checkPartition(List<Turn> turns, List<Step> sourceSteps) {
        if (sourceSteps.isEmpty()) {
            return;
        }
        List<Turn> concatenated = new ArrayList<>(turns.size());
        for (int i = 0; i < sourceSteps.size(); i++) {
            Step step = sourceSteps.get(i);
            if (step.stepIndex() != i) {
                throw new IllegalArgumentException(
                        "sourceSteps[" + i + "].stepIndex must be " + i + ", got " + step.stepIndex());
            }
            concatenated.addAll(step.turns());
        }
        if (!concatenated.equals(turns)) {
            throw new IllegalArgumentException("sourceSteps must partition turns in order");
        }
    }

    private static void checkErrorMessage(TerminationReason reason, String errorMessage) {
        if (reason == TerminationReason.ERROR || reason == TerminationReason.NO_OP) {
            if (errorMessage == null) {
                throw new IllegalArgumentException(
                        "errorMessage is required when terminationReason is " + reason.wireName());
            }
            Checks.notBlank(errorMessage, "errorMessage");
        } else if (errorMessage != null) {
            throw new IllegalArgumentException("errorMessage must be null when terminationReason is "
                    + reason.wireName() + ", got " + Checks.render(errorMessage));
        }
    }

    /** A builder with every optional component at its default (no turns, no steps, nulls, zeros). */
    public static Builder builder(String runId, String agentId, String taskId, TerminationReason terminationReason) {
        return new Builder(runId, agentId, taskId, terminationReason);
    }

    /** A builder holding this run's components, to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder(runId, agentId, taskId, terminationReason)
                .turns(turns)
                .sourceSteps(sourceSteps)
                .errorMessage(errorMessage)
                .errorType(errorType)
                .recoveryApplied(recoveryApplied)
                .startedAt(startedAt)
                .endedAt(endedAt)
                .systemPromptTokens(systemPromptTokens)
                .expectedSteps(expectedSteps)
                .taskType(taskType)
                .complexity(complexity)
                .finalOutput(finalOutput)
                .metadata(metadata);
    }

    /**
     * The source's steps, or when there are none one step per turn (F1): step i holds turn i alone and ends
     * COMPLETED, except the last, which takes the run's terminationReason. No turns give a single empty step.
     */
    public List<Step> steps() {
        if (!sourceSteps.isEmpty()) {
            return sourceSteps;
        }
        if (turns.isEmpty()) {
            return List.of(new Step(0, List.of(), terminationReason));
        }
        // A view that makes each step when asked: size() and get(i) cost O(1), so callers that ask for the steps
        // once per step stay linear in the run's length.
        return StepList.onePerTurn(turns, terminationReason);
    }

    /** Σ turn totalTokens. */
    public long totalTokens() {
        long total = 0L;
        for (Turn turn : turns) {
            total += turn.totalTokens();
        }
        return total;
    }

    /** Σ turn outputTokens. */
    public long totalOutputTokens() {
        long total = 0L;
        for (Turn turn : turns) {
            total += turn.outputTokens();
        }
        return total;
    }

    /** Σ turn cost, in turn order. */
    public double totalCost() {
        double total = 0.0;
        for (Turn turn : turns) {
            total += turn.cost();
        }
        return total;
    }

    /** Σ number of tool calls over the turns. */
    public int totalToolCalls() {
        int total = 0;
        for (Turn turn : turns) {
            total += turn.toolCalls().size();
        }
        return total;
    }

    /**
     * F2: endedAt − startedAt in nanoseconds / 1e9 when both are set, otherwise (Σ latencyMs in turn order, null
     * counted as 0.0) / 1000.0.
     */
    public double durationSeconds() {
        if (startedAt != null && endedAt != null) {
            return Checks.secondsBetween(startedAt, endedAt);
        }
        return latencySumMs(turns) / 1000.0;
    }

    /**
     * The run's elapsed time at the end of step {@code stepIndex} of {@link #steps()}: startedAt to the step's last
     * turn's endedAt when both are set, otherwise (Σ latencyMs over all turns up to and including that turn) / 1000.0.
     * An empty step takes the value of the previous step (0.0 for step 0). Clamped to &ge; 0.0.
     *
     * @throws IllegalArgumentException {@code stepIndex must be in [0, <last>], got <i>} for an index out of range
     */
    public double elapsedSecondsAtEndOf(int stepIndex) {
        List<Step> steps = steps();
        if (stepIndex < 0 || stepIndex >= steps.size()) {
            throw Checks.fail("stepIndex", "be in [0, " + (steps.size() - 1) + "]", stepIndex);
        }
        // The turns up to the end of the step are a prefix of the run's turns (steps partition them in order), so
        // only the prefix's length and last turn are needed: O(1) with timestamps, no copy of the history.
        int turnsSoFar;
        if (sourceSteps.isEmpty()) {
            turnsSoFar = turns.isEmpty() ? 0 : stepIndex + 1;
        } else {
            int step = stepIndex;
            while (step >= 0 && sourceSteps.get(step).turns().isEmpty()) {
                step--; // an empty step ends where the previous one did
            }
            turnsSoFar = step < 0
                    ? 0
                    : 1 + indexOfTurnNumber(lastTurnOf(sourceSteps.get(step)).turnNumber());
        }
        if (turnsSoFar == 0) {
            return 0.0;
        }
        Instant lastEnd = turns.get(turnsSoFar - 1).endedAt();
        double elapsed = startedAt != null && lastEnd != null
                ? Checks.secondsBetween(startedAt, lastEnd)
                : latencySumMs(turns.subList(0, turnsSoFar)) / 1000.0;
        return Math.max(0.0, elapsed);
    }

    private static Turn lastTurnOf(Step step) {
        return step.turns().get(step.turns().size() - 1);
    }

    /** The position of the turn numbered {@code turnNumber} (turn numbers strictly increase, so binary search). */
    private int indexOfTurnNumber(int turnNumber) {
        int low = 0;
        int high = turns.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int number = turns.get(middle).turnNumber();
            if (number < turnNumber) {
                low = middle + 1;
            } else if (number > turnNumber) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        throw new IllegalStateException("turn " + turnNumber + " is not a turn of run " + runId);
    }

    private static double latencySumMs(List<Turn> turns) {
        double sum = 0.0;
        for (Turn turn : turns) {
            Double latency = turn.latencyMs();
            sum += latency == null ? 0.0 : latency;
        }
        return sum;
    }

    /** Fluent builder for {@link Run}; {@link #build()} applies the record's validation. */
    public static final class Builder {
        private final String runId;
        private final String agentId;
        private final String taskId;
        private final TerminationReason terminationReason;
        private List<Turn> turns = new ArrayList<>();
        private List<Step> sourceSteps = new ArrayList<>();
        private String errorMessage;
        private String errorType;
        private boolean recoveryApplied;
        private Instant startedAt;
        private Instant endedAt;
        private long systemPromptTokens;
        private int expectedSteps;
        private String taskType;
        private Complexity complexity;
        private String finalOutput;
        private Map<String, Object> metadata = Map.of();

        private Builder(String runId, String agentId, String taskId, TerminationReason terminationReason) {
            this.runId = runId;
            this.agentId = agentId;
            this.taskId = taskId;
            this.terminationReason = terminationReason;
        }

        /** Replaces the turns (default none); the list is copied. */
        public Builder turns(Collection<Turn> value) {
            this.turns = value == null ? new ArrayList<>() : new ArrayList<>(value);
            return this;
        }

        /** Appends one turn. */
        public Builder turn(Turn value) {
            this.turns.add(value);
            return this;
        }

        /** Replaces the source steps (default none: one step per turn); the list is copied. */
        public Builder sourceSteps(Collection<Step> value) {
            this.sourceSteps = value == null ? new ArrayList<>() : new ArrayList<>(value);
            return this;
        }

        /** Appends one source step. */
        public Builder sourceStep(Step value) {
            this.sourceSteps.add(value);
            return this;
        }

        /** Sets errorMessage (default null). */
        public Builder errorMessage(String value) {
            this.errorMessage = value;
            return this;
        }

        /** Sets errorType (default null). */
        public Builder errorType(String value) {
            this.errorType = value;
            return this;
        }

        /** Sets recoveryApplied (default false). */
        public Builder recoveryApplied(boolean value) {
            this.recoveryApplied = value;
            return this;
        }

        /** Sets startedAt (default null). */
        public Builder startedAt(Instant value) {
            this.startedAt = value;
            return this;
        }

        /** Sets endedAt (default null). */
        public Builder endedAt(Instant value) {
            this.endedAt = value;
            return this;
        }

        /** Sets systemPromptTokens (default 0). */
        public Builder systemPromptTokens(long value) {
            this.systemPromptTokens = value;
            return this;
        }

        /** Sets expectedSteps (default 0: unknown). */
        public Builder expectedSteps(int value) {
            this.expectedSteps = value;
            return this;
        }

        /** Sets taskType (default null). */
        public Builder taskType(String value) {
            this.taskType = value;
            return this;
        }

        /** Sets complexity (default null). */
        public Builder complexity(Complexity value) {
            this.complexity = value;
            return this;
        }

        /** Sets finalOutput (default null). */
        public Builder finalOutput(String value) {
            this.finalOutput = value;
            return this;
        }

        /** Sets metadata (default empty); JSON values only, deep-copied on build. */
        public Builder metadata(Map<String, ?> value) {
            this.metadata = value == null ? null : new LinkedHashMap<>(value);
            return this;
        }

        /** Validates and creates the run. */
        public Run build() {
            return new Run(
                    runId,
                    agentId,
                    taskId,
                    terminationReason,
                    turns,
                    sourceSteps,
                    errorMessage,
                    errorType,
                    recoveryApplied,
                    startedAt,
                    endedAt,
                    systemPromptTokens,
                    expectedSteps,
                    taskType,
                    complexity,
                    finalOutput,
                    metadata);
        }
    }
}
