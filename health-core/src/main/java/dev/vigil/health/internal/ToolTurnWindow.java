package dev.vigil.health.internal;

import dev.vigil.spi.model.Turn;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ListIterator;
import java.util.Objects;

/**
 * The trailing window of tool turns shared by both stagnation detectors and structural erosion: the last
 * {@code windowSize} turns that made at least one tool call, oldest first.
 */
public final class ToolTurnWindow {

    private ToolTurnWindow() {}

    /**
     * Walks {@code turns} backwards and stops as soon as the window is full, so the cost is the window plus any
     * tool-less turns interleaved with it, never the whole run.
     */
    public static List<Turn> lastToolTurns(List<Turn> turns, int windowSize) {
        Objects.requireNonNull(turns, "turns");
        List<Turn> window = new ArrayList<>(Math.min(windowSize, 64));
        ListIterator<Turn> it = turns.listIterator(turns.size());
        while (window.size() < windowSize && it.hasPrevious()) {
            Turn turn = it.previous();
            if (turn == null) {
                throw new IllegalArgumentException("turns must not contain null");
            }
            if (!turn.toolCalls().isEmpty()) {
                window.add(turn);
            }
        }
        Collections.reverse(window);
        return window;
    }
}
