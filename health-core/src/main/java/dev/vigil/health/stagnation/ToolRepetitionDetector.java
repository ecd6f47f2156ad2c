package dev.vigil.health.stagnation;

import dev.vigil.health.internal.ToolTurnWindow;
import dev.vigil.spi.model.StagnationReason;
import dev.vigil.spi.model.StagnationResult;
import dev.vigil.spi.model.StagnationVerdict;
import dev.vigil.spi.model.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detects an agent repeating itself (health.md §10.1). Over the last {@code windowSize} tool turns it measures the
 * repetition ratio (repeated fingerprints / all fingerprints) and looks for a cycle (the last k turns equal the k turns
 * before them); either one means stagnation. The first detections ask for a corrective prompt, the one after
 * {@code maxCorrections} asks to terminate.
 */
public final class ToolRepetitionDetector implements StagnationDetector {

    private static final Logger LOG = LoggerFactory.getLogger(ToolRepetitionDetector.class);

    /** A cycle needs at least two turns per period: k = 1 would just be "the same call twice". */
    private static final int MIN_CYCLE_LENGTH = 2;

    private final StagnationConfig config;

    /** A detector with {@code config}'s window, thresholds and correction budget. */
    public ToolRepetitionDetector(StagnationConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public String type() {
        return StagnationStrategy.TOOL_REPETITION.wireName();
    }

    /** This detector's configuration. */
    public StagnationConfig config() {
        return config;
    }

    /**
     * The fingerprints of the last window's turns. The window moves by about one turn per step, so all but the newest
     * turn's fingerprints (a SHA-256 per call, this detector's main cost) are reused. Turns are immutable and compared by
     * identity, so a hit is always right; two threads sharing a detector at worst recompute.
     */
    private volatile WindowFingerprints lastWindow = WindowFingerprints.NONE;

    /** Turns and their sorted fingerprints, index by index. */
    private record WindowFingerprints(List<Turn> turns, List<List<String>> fingerprints) {
        static final WindowFingerprints NONE = new WindowFingerprints(List.of(), List.of());

        List<String> fingerprintsOf(Turn turn) {
            for (int i = turns.size() - 1; i >= 0; i--) {
                if (turns.get(i) == turn) {
                    return fingerprints.get(i);
                }
            }
            return turn.toolCallFingerprints();
        }
    }

    @Override
    public StagnationResult check(List<Turn> turns, int correctionsInjected) {
        if (correctionsInjected < 0) {
            throw new IllegalArgumentException("correctionsInjected must be >= 0, got " + correctionsInjected);
        }
        List<Turn> windowTurns = ToolTurnWindow.lastToolTurns(turns, config.windowSize());
        if (windowTurns.size() < config.minToolTurns()) {
            return StagnationResult.NO_STAGNATION;
        }
        WindowFingerprints previous = lastWindow;
        List<List<String>> window = new ArrayList<>(windowTurns.size());
        for (Turn turn : windowTurns) {
            window.add(previous.fingerprintsOf(turn));
        }
        lastWindow = new WindowFingerprints(windowTurns, window);

        // Counts per fingerprint, sorted by String.compareTo so repeatedTools comes out sorted.
        Map<String, Integer> counts = new TreeMap<>();
        int total = 0;
        for (List<String> fingerprints : window) {
            for (String fingerprint : fingerprints) {
                counts.merge(fingerprint, 1, Integer::sum);
                total++;
            }
        }
        int repeats = 0;
        List<String> repeatedTools = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            if (entry.getValue() > 1) {
                repeats += entry.getValue() - 1;
                repeatedTools.add(entry.getKey());
            }
        }
        double ratio = total == 0 ? 0.0 : repeats / (double) total;
        Integer cycleLength = config.cycleDetection() ? cycleLength(window) : null;

        if (!(ratio >= config.repetitionThreshold()) && cycleLength == null) {
            LOG.atDebug()
                    .setMessage("vigil.stagnation.check_performed")
                    .addKeyValue("verdict", StagnationVerdict.NO_STAGNATION.wireName())
                    .addKeyValue("detector", type())
                    .addKeyValue("repetition_ratio", ratio)
                    .addKeyValue("window_size", window.size())
                    .log();
            return StagnationResult.noStagnation(ratio);
        }

        StagnationReason reason =
                cycleLength != null ? StagnationReason.CYCLE_DETECTION : StagnationReason.TOOL_REPETITION;
        LOG.atInfo()
                .setMessage("vigil.stagnation.detected")
                .addKeyValue("repetition_ratio", ratio)
                .addKeyValue("cycle_length", cycleLength)
                .addKeyValue("repeated_tools", repeatedTools)
                .addKeyValue("corrections_injected", correctionsInjected)
                .addKeyValue("max_corrections", config.maxCorrections())
                .addKeyValue("reason", reason.wireName())
                .log();
        Map<String, Object> details = Map.of("repeated_tools", List.copyOf(repeatedTools));
        if (correctionsInjected < config.maxCorrections()) {
            return new StagnationResult(
                    StagnationVerdict.INJECT_PROMPT,
                    reason,
                    correctiveMessage(repeatedTools),
                    ratio,
                    cycleLength,
                    details);
        }
        return new StagnationResult(StagnationVerdict.TERMINATE, reason, null, ratio, cycleLength, details);
    }

    /**
     * The smallest k in [2, n/2] such that the last k per-turn fingerprint lists equal the k lists before them, or
     * null when there is none.
     */
    static Integer cycleLength(List<List<String>> window) {
        int n = window.size();
        for (int k = MIN_CYCLE_LENGTH; k <= n / 2; k++) {
            if (window.subList(n - k, n).equals(window.subList(n - 2 * k, n - k))) {
                return k;
            }
        }
        return null;
    }

    private static String correctiveMessage(List<String> repeatedTools) {
        return "[SYSTEM INTERVENTION: Stagnation detected -- your recent tool calls show a repeating pattern without"
                + " progress. The following tools have been called with identical arguments multiple times: "
                + String.join(", ", repeatedTools)
                + ". Try a different approach: modify your arguments, use different tools, or reconsider your"
                + " strategy.]";
    }
}
