package dev.vigil.spi.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One LLM call of a run (data-model.md §3). Build one with {@link #builder(int, FinishReason)}.
 *
 * @param turnNumber 1-based, &gt; 0
 * @param inputTokens &ge; 0
 * @param outputTokens &ge; 0
 * @param cost &ge; 0.0
 * @param toolCalls in call order; null means empty
 * @param finishReason why the call ended, required
 * @param callCategory nullable
 * @param latencyMs nullable (not measured); &ge; 0
 * @param cacheHit nullable
 * @param retryCount nullable; &ge; 0
 * @param retryReason nullable; NotBlank when set, and then retryCount must be &ge; 1
 * @param extraNodeTypes node types beyond those implied by the turn; null means empty; kept in ordinal order
 * @param behaviorTags null means empty
 * @param priorToolCallCount tool calls made in earlier turns of the same run, &ge; 0 (used by PTE)
 * @param toolResponseTokens &ge; 0 (used by PTE)
 * @param semanticDriftScore nullable; in [0.0, 1.0]
 * @param startedAt nullable
 * @param endedAt nullable; not before startedAt when both are set
 * @param content the text the model produced in this call (its message to the user or its reasoning), or null when the
 *     source did not record it
 */
public record Turn(
        int turnNumber,
        long inputTokens,
        long outputTokens,
        double cost,
        List<ToolCall> toolCalls,
        FinishReason finishReason,
        LlmCallCategory callCategory,
        Double latencyMs,
        Boolean cacheHit,
        Integer retryCount,
        String retryReason,
        Set<NodeType> extraNodeTypes,
        List<BehaviorTag> behaviorTags,
        int priorToolCallCount,
        long toolResponseTokens,
        Double semanticDriftScore,
        Instant startedAt,
        Instant endedAt,
        String content) {

    /** Validates every component and copies the collections. */
    public Turn {
        Checks.positive(turnNumber, "turnNumber");
        Checks.atLeast(inputTokens, 0L, "inputTokens");
        Checks.atLeast(outputTokens, 0L, "outputTokens");
        Checks.atLeast(cost, 0.0, "0.0", "cost");
        toolCalls = Checks.copyList(toolCalls, "toolCalls");
        Checks.required(finishReason, "finishReason");
        if (latencyMs != null) {
            Checks.atLeast(latencyMs, 0.0, "0", "latencyMs");
        }
        if (retryCount != null) {
            Checks.atLeast(retryCount, 0, "retryCount");
        }
        if (retryReason != null) {
            Checks.notBlank(retryReason, "retryReason");
            if (retryCount == null || retryCount < 1) {
                throw new IllegalArgumentException(
                        "retryReason set implies retryCount must be >= 1, got " + retryCount);
            }
        }
        extraNodeTypes = Checks.copyEnumSet(extraNodeTypes, NodeType.class, "extraNodeTypes");
        behaviorTags = Checks.copyList(behaviorTags, "behaviorTags");
        Checks.atLeast(priorToolCallCount, 0, "priorToolCallCount");
        Checks.atLeast(toolResponseTokens, 0L, "toolResponseTokens");
        if (semanticDriftScore != null) {
            Checks.inRange(semanticDriftScore, 0.0, 1.0, "semanticDriftScore");
        }
        Checks.ordered(startedAt, endedAt);
    }

    /** A builder with every optional component at its default (tokens 0, cost 0.0, no tool calls, nulls). */
    public static Builder builder(int turnNumber, FinishReason finishReason) {
        return new Builder(turnNumber, finishReason);
    }

    /** A builder holding this turn's components, to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder(turnNumber, finishReason)
                .inputTokens(inputTokens)
                .outputTokens(outputTokens)
                .cost(cost)
                .toolCalls(toolCalls)
                .callCategory(callCategory)
                .latencyMs(latencyMs)
                .cacheHit(cacheHit)
                .retryCount(retryCount)
                .retryReason(retryReason)
                .extraNodeTypes(extraNodeTypes)
                .behaviorTags(behaviorTags)
                .priorToolCallCount(priorToolCallCount)
                .toolResponseTokens(toolResponseTokens)
                .semanticDriftScore(semanticDriftScore)
                .startedAt(startedAt)
                .endedAt(endedAt)
                .content(content);
    }

    /** inputTokens + outputTokens. */
    public long totalTokens() {
        return inputTokens + outputTokens;
    }

    /** False when the call ended with ERROR or CONTENT_FILTER. */
    public boolean success() {
        return finishReason != FinishReason.ERROR && finishReason != FinishReason.CONTENT_FILTER;
    }

    /** The tool-call names in call order, duplicates kept. */
    public List<String> toolCallNames() {
        List<String> names = new ArrayList<>(toolCalls.size());
        for (ToolCall call : toolCalls) {
            names.add(call.name());
        }
        return Collections.unmodifiableList(names);
    }

    /** One fingerprint per tool call (D1), sorted ascending by {@code String.compareTo}; duplicates kept. */
    public List<String> toolCallFingerprints() {
        List<String> fingerprints = new ArrayList<>(toolCalls.size());
        for (ToolCall call : toolCalls) {
            fingerprints.add(ToolCallFingerprint.of(call));
        }
        Collections.sort(fingerprints);
        return Collections.unmodifiableList(fingerprints);
    }

    /** {LLM_CALL} ∪ {TOOL_INVOCATION if the turn made tool calls} ∪ extraNodeTypes, in ordinal order. */
    public Set<NodeType> nodeTypes() {
        EnumSet<NodeType> types = EnumSet.of(NodeType.LLM_CALL);
        if (!toolCalls.isEmpty()) {
            types.add(NodeType.TOOL_INVOCATION);
        }
        types.addAll(extraNodeTypes);
        return Collections.unmodifiableSet(types);
    }

    /** Fluent builder for {@link Turn}; {@link #build()} applies the record's validation. */
    public static final class Builder {
        private final int turnNumber;
        private final FinishReason finishReason;
        private long inputTokens;
        private long outputTokens;
        private double cost;
        private List<ToolCall> toolCalls = new ArrayList<>();
        private LlmCallCategory callCategory;
        private Double latencyMs;
        private Boolean cacheHit;
        private Integer retryCount;
        private String retryReason;
        private Set<NodeType> extraNodeTypes = Set.of();
        private List<BehaviorTag> behaviorTags = List.of();
        private int priorToolCallCount;
        private long toolResponseTokens;
        private Double semanticDriftScore;
        private Instant startedAt;
        private Instant endedAt;
        private String content;

        private Builder(int turnNumber, FinishReason finishReason) {
            this.turnNumber = turnNumber;
            this.finishReason = finishReason;
        }

        /** Sets inputTokens (default 0). */
        public Builder inputTokens(long value) {
            this.inputTokens = value;
            return this;
        }

        /** Sets outputTokens (default 0). */
        public Builder outputTokens(long value) {
            this.outputTokens = value;
            return this;
        }

        /** Sets cost (default 0.0). */
        public Builder cost(double value) {
            this.cost = value;
            return this;
        }

        /** Replaces the tool calls (default none); the list is copied. */
        public Builder toolCalls(Collection<ToolCall> value) {
            this.toolCalls = value == null ? new ArrayList<>() : new ArrayList<>(value);
            return this;
        }

        /** Appends one tool call. */
        public Builder toolCall(ToolCall value) {
            this.toolCalls.add(value);
            return this;
        }

        /** Sets callCategory (default null). */
        public Builder callCategory(LlmCallCategory value) {
            this.callCategory = value;
            return this;
        }

        /** Sets latencyMs (default null: not measured). */
        public Builder latencyMs(Double value) {
            this.latencyMs = value;
            return this;
        }

        /** Sets cacheHit (default null). */
        public Builder cacheHit(Boolean value) {
            this.cacheHit = value;
            return this;
        }

        /** Sets retryCount (default null). */
        public Builder retryCount(Integer value) {
            this.retryCount = value;
            return this;
        }

        /** Sets retryReason (default null). */
        public Builder retryReason(String value) {
            this.retryReason = value;
            return this;
        }

        /** Sets extraNodeTypes (default empty). */
        public Builder extraNodeTypes(Set<NodeType> value) {
            this.extraNodeTypes = value;
            return this;
        }

        /** Sets behaviorTags (default empty). */
        public Builder behaviorTags(List<BehaviorTag> value) {
            this.behaviorTags = value;
            return this;
        }

        /** Sets priorToolCallCount (default 0). */
        public Builder priorToolCallCount(int value) {
            this.priorToolCallCount = value;
            return this;
        }

        /** Sets toolResponseTokens (default 0). */
        public Builder toolResponseTokens(long value) {
            this.toolResponseTokens = value;
            return this;
        }

        /** Sets semanticDriftScore (default null). */
        public Builder semanticDriftScore(Double value) {
            this.semanticDriftScore = value;
            return this;
        }

        /** Sets startedAt (default null). */
        public Builder startedAt(Instant value) {
            this.startedAt = value;
            return this;
        }

        /** Sets content, the text the model produced (default null: not recorded). */
        public Builder content(String value) {
            this.content = value;
            return this;
        }

        /** Sets endedAt (default null). */
        public Builder endedAt(Instant value) {
            this.endedAt = value;
            return this;
        }

        /** Validates and creates the turn. */
        public Turn build() {
            return new Turn(
                    turnNumber,
                    inputTokens,
                    outputTokens,
                    cost,
                    toolCalls,
                    finishReason,
                    callCategory,
                    latencyMs,
                    cacheHit,
                    retryCount,
                    retryReason,
                    extraNodeTypes,
                    behaviorTags,
                    priorToolCallCount,
                    toolResponseTokens,
                    semanticDriftScore,
                    startedAt,
                    endedAt,
                    content);
        }
    }
}
