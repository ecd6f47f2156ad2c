package dev.vigil.spi.model;

import static dev.vigil.spi.model.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Derived values and defaults of {@link Turn}. */
class TurnTest {

    @ParameterizedTest
    @CsvSource({"STOP, true", "MAX_TOKENS, true", "TOOL_USE, true", "CONTENT_FILTER, false", "ERROR, false"})
    void successDependsOnTheFinishReason(FinishReason reason, boolean success) {
        assertEquals(success, Turn.builder(1, reason).build().success());
    }

    @Test
    void builderDefaults() {
        Turn turn = Turn.builder(1, FinishReason.STOP).build();
        assertEquals(0L, turn.inputTokens());
        assertEquals(0L, turn.outputTokens());
        assertEquals(0.0, turn.cost());
        assertEquals(List.of(), turn.toolCalls());
        assertNull(turn.callCategory());
        assertNull(turn.latencyMs());
        assertNull(turn.cacheHit());
        assertNull(turn.retryCount());
        assertNull(turn.retryReason());
        assertEquals(Set.of(), turn.extraNodeTypes());
        assertEquals(List.of(), turn.behaviorTags());
        assertEquals(0, turn.priorToolCallCount());
        assertEquals(0L, turn.toolResponseTokens());
        assertNull(turn.semanticDriftScore());
        assertNull(turn.startedAt());
        assertNull(turn.endedAt());
        assertEquals(List.of(), turn.toolCallNames());
        assertEquals(List.of(), turn.toolCallFingerprints());
    }

    @Test
    void totalTokens() {
        assertEquals(
                130L,
                Turn.builder(1, FinishReason.STOP)
                        .inputTokens(100)
                        .outputTokens(30)
                        .build()
                        .totalTokens());
    }

    @Test
    void nodeTypesInOrdinalOrder() {
        Turn plain = Turn.builder(1, FinishReason.STOP).build();
        assertEquals(List.of(NodeType.LLM_CALL), new ArrayList<>(plain.nodeTypes()));

        Turn withTools = Turn.builder(2, FinishReason.TOOL_USE)
                .toolCall(new ToolCall("f", Map.of()))
                .extraNodeTypes(Set.of(NodeType.STAGNATION_CHECK, NodeType.QUALITY_CHECK))
                .build();
        assertEquals(
                List.of(NodeType.LLM_CALL, NodeType.TOOL_INVOCATION, NodeType.QUALITY_CHECK, NodeType.STAGNATION_CHECK),
                new ArrayList<>(withTools.nodeTypes()));
        assertEquals(
                List.of(NodeType.QUALITY_CHECK, NodeType.STAGNATION_CHECK),
                new ArrayList<>(withTools.extraNodeTypes()));

        Turn extraOnly = Turn.builder(3, FinishReason.STOP)
                .extraNodeTypes(EnumSet.of(NodeType.BUDGET_CHECK, NodeType.LLM_CALL))
                .build();
        assertEquals(List.of(NodeType.LLM_CALL, NodeType.BUDGET_CHECK), new ArrayList<>(extraOnly.nodeTypes()));
    }

    @Test
    void validOptionalValuesAreAccepted() {
        Turn turn = Turn.builder(4, FinishReason.MAX_TOKENS)
                .callCategory(LlmCallCategory.COORDINATION)
                .latencyMs(0.0)
                .cacheHit(true)
                .retryCount(2)
                .retryReason("rate limited")
                .behaviorTags(List.of(BehaviorTag.RETRIEVAL, BehaviorTag.RETRIEVAL))
                .priorToolCallCount(7)
                .toolResponseTokens(300)
                .semanticDriftScore(1.0)
                .startedAt(T0)
                .endedAt(T0)
                .build();
        assertEquals(List.of(BehaviorTag.RETRIEVAL, BehaviorTag.RETRIEVAL), turn.behaviorTags());
        assertEquals(turn, turn.toBuilder().build());
        assertEquals(8, turn.toBuilder().priorToolCallCount(8).build().priorToolCallCount());
    }

    @Test
    void collectionsAreCopiedAndUnmodifiable() {
        List<ToolCall> calls = new ArrayList<>(List.of(new ToolCall("f", Map.of())));
        Turn turn = new Turn(
                1,
                0,
                0,
                0.0,
                calls,
                FinishReason.STOP,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                0,
                0,
                null,
                null,
                null,
                null);
        calls.add(new ToolCall("g", Map.of()));
        assertEquals(1, turn.toolCalls().size());
        assertEquals(Set.of(), turn.extraNodeTypes());
        assertEquals(List.of(), turn.behaviorTags());
        assertThrows(UnsupportedOperationException.class, () -> turn.toolCalls().clear());
        assertThrows(UnsupportedOperationException.class, () -> turn.nodeTypes().clear());
        assertThrows(UnsupportedOperationException.class, () -> turn.toolCallFingerprints()
                .clear());
    }
}
