package com.example.vigil.plugin;

import dev.vigil.spi.model.StagnationResult;
import dev.vigil.spi.model.StagnationVerdict;
import dev.vigil.spi.model.StepQuality;
import dev.vigil.spi.model.StepQualitySignal;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.ToolCall;
import dev.vigil.spi.model.Turn;
import dev.vigil.spi.model.TurnRange;
import dev.vigil.spi.plugin.PluginConfig;
import dev.vigil.spi.plugin.StepClassifier;
import dev.vigil.spi.plugin.StepClassifierProvider;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Classifier {@code keyword_flags}: a step whose tool arguments mention a forbidden keyword is INCORRECT; a step with
 * tool calls is otherwise CORRECT; the rest is NEUTRAL. Setting: {@code plugins.keyword_flags.keywords}
 * (comma-separated, default {@code rm -rf,drop table}).
 */
public final class KeywordClassifierProvider implements StepClassifierProvider {

    @Override
    public String name() {
        return "keyword_flags";
    }

    @Override
    public StepClassifier create(PluginConfig config) {
        List<String> keywords = Arrays.stream(config.getString("keywords", "rm -rf,drop table").split(","))
                .map(k -> k.strip().toLowerCase(Locale.ROOT))
                .filter(k -> !k.isEmpty())
                .toList();
        return new KeywordClassifier(keywords);
    }

    private record KeywordClassifier(List<String> keywords) implements StepClassifier {

        @Override
        public String name() {
            return "keyword_flags";
        }

        @Override
        public StepQualitySignal classify(
                int stepIndex, List<Turn> turns, TerminationReason terminationReason, StagnationResult stagnation) {
            TurnRange range = turns.isEmpty()
                    ? new TurnRange(1, 1)
                    : new TurnRange(turns.get(0).turnNumber(), turns.get(turns.size() - 1).turnNumber());
            if (stagnation != null && stagnation.verdict() == StagnationVerdict.TERMINATE) {
                return new StepQualitySignal(StepQuality.INCORRECT, 1.0, "keyword_flags: stagnation", stepIndex, range);
            }
            boolean anyCall = false;
            for (Turn turn : turns) {
                for (ToolCall call : turn.toolCalls()) {
                    anyCall = true;
                    String text = call.arguments().toString().toLowerCase(Locale.ROOT);
                    for (String keyword : keywords) {
                        if (text.contains(keyword)) {
                            return new StepQualitySignal(
                                    StepQuality.INCORRECT, 0.9, "keyword_flags: forbidden '" + keyword + "'", stepIndex, range);
                        }
                    }
                }
            }
            return anyCall
                    ? new StepQualitySignal(StepQuality.CORRECT, 0.6, "keyword_flags: clean tool step", stepIndex, range)
                    : new StepQualitySignal(StepQuality.NEUTRAL, 0.5, "keyword_flags: no tool call", stepIndex, range);
        }
    }
}
