package dev.vigil.quality;

import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.StagnationReason;
import dev.vigil.spi.model.StagnationResult;
import dev.vigil.spi.model.StagnationVerdict;
import dev.vigil.spi.model.StepQuality;
import dev.vigil.spi.model.StepQualitySignal;
import dev.vigil.spi.model.ToolCall;
import dev.vigil.spi.model.Turn;
import dev.vigil.spi.model.TurnRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small builders shared by the tests. */
final class Fixtures {

    private Fixtures() {}

    /** A turn that calls one tool. */
    static Turn toolTurn(int number, FinishReason finish) {
        return Turn.builder(number, finish)
                .toolCall(ToolCall.of("read_file", Map.of("path", "a.txt")))
                .build();
    }

    /** A turn without tool calls. */
    static Turn plainTurn(int number, FinishReason finish) {
        return Turn.builder(number, finish).build();
    }

    static StagnationResult verdict(StagnationVerdict verdict) {
        if (verdict == null) {
            return null;
        }
        return switch (verdict) {
            case NO_STAGNATION -> StagnationResult.NO_STAGNATION;
            case INJECT_PROMPT ->
                new StagnationResult(
                        verdict, StagnationReason.TOOL_REPETITION, "Try something else", 0.8, null, Map.of());
            case TERMINATE ->
                new StagnationResult(verdict, StagnationReason.TOOL_REPETITION, null, 1.0, null, Map.of());
        };
    }

    static StepQualitySignal signal(StepQuality quality, int stepIndex) {
        return new StepQualitySignal(quality, 0.7, "test", stepIndex, new TurnRange(stepIndex + 1, stepIndex + 1));
    }

    /** Signals from a compact label string such as "CCNI". */
    static List<StepQualitySignal> signals(String labels) {
        List<StepQualitySignal> out = new ArrayList<>();
        for (int i = 0; i < labels.length(); i++) {
            StepQuality quality =
                    switch (labels.charAt(i)) {
                        case 'C' -> StepQuality.CORRECT;
                        case 'N' -> StepQuality.NEUTRAL;
                        case 'I' -> StepQuality.INCORRECT;
                        default -> throw new IllegalArgumentException("label " + labels.charAt(i));
                    };
            out.add(signal(quality, i));
        }
        return out;
    }
}
