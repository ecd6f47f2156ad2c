package dev.vigil.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.settings.Settings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** coordination.md §4 and the baseline-store example of examples.md §20. */
class BaselineStoreTest {

    private static BaselineRecord turns(double turns) {
        return new BaselineRecord("agent", "task", turns, 0.0, 100.0, 10.0, Instant.EPOCH);
    }

    @Test
    void windowKeepsTheNewestRecordsAndResizes() {
        BaselineStore store = new BaselineStore(3);
        for (double t : new double[] {2, 4, 6, 8}) {
            store.record(turns(t));
        }
        assertEquals(
                List.of(4.0, 6.0, 8.0),
                store.records().stream().map(BaselineRecord::turns).toList());
        assertEquals(6.0, store.baselineTurns());
        store.setWindowSize(2);
        assertEquals(2, store.windowSize());
        assertEquals(
                List.of(6.0, 8.0),
                store.records().stream().map(BaselineRecord::turns).toList());
        assertEquals(7.0, store.baselineTurns());
        // Growing the window keeps what is there.
        store.setWindowSize(5);
        assertEquals(2, store.size());
    }

    @Test
    void emptyStoreHasNoBaseline() {
        BaselineStore store = new BaselineStore();
        assertEquals(50, store.windowSize());
        assertNull(store.baselineTurns());
        assertNull(store.baselineErrorRate());
        assertNull(store.baselineTokens());
        assertNull(store.baselineDuration());
    }

    @Test
    void windowSizeMustBePositive() {
        assertEquals(
                "windowSize must be positive, got 0",
                assertThrows(IllegalArgumentException.class, () -> new BaselineStore(0))
                        .getMessage());
        assertEquals(
                "windowSize must be positive, got -3",
                assertThrows(IllegalArgumentException.class, () -> new BaselineStore(3).setWindowSize(-3))
                        .getMessage());
    }

    @Test
    void meansAreExact() {
        BaselineStore store = new BaselineStore(10);
        store.record(new BaselineRecord("a", "t", 1, 0.1, 0, 0.1, Instant.EPOCH));
        store.record(new BaselineRecord("a", "t", 1, 0.1, 0, 0.1, Instant.EPOCH));
        store.record(new BaselineRecord("a", "t", 1, 0.1, 0, 0.1, Instant.EPOCH));
        assertEquals(0.1, store.baselineErrorRate());
        assertEquals(0.1, store.baselineDuration());
        assertEquals(0.0, store.baselineTokens());
    }

    @Test
    void windowSizeComesFromSettings() {
        Settings settings = Settings.of(java.util.Map.of("coordination.baseline.window_size", "7"));
        assertEquals(7, BaselineStore.from(settings).windowSize());
        assertEquals(50, BaselineStore.from(Settings.defaults()).windowSize());
    }

    @Test
    void recordingARunUsesItsStatistics() {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        BaselineStore store = new BaselineStore(50, Clock.fixed(now, ZoneOffset.UTC));
        assertTrue(store.record(Fixtures.run(
                "r1",
                "solo",
                "t1",
                Fixtures.turns(FinishReason.STOP, FinishReason.ERROR, FinishReason.CONTENT_FILTER))));
        BaselineRecord record = store.records().get(0);
        assertEquals(3.0, record.turns());
        assertEquals(0.6666666666666666, record.errorRate());
        assertEquals(3.0, record.durationSeconds());
        assertEquals(now, record.timestamp());
        // No turns, or no measurable duration: nothing to learn from.
        assertFalse(store.record(Fixtures.run("r2", "solo", "t1", List.of())));
        assertFalse(store.record(Fixtures.run("r3", "solo", "t1", Fixtures.turns(2, 0.0, 5))));
        assertEquals(1, store.size());
    }

    @Test
    void baselineRecordValidates() {
        assertEquals(
                "turns must be > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new BaselineRecord("a", "t", 0, 0, 0, 0))
                        .getMessage());
        assertEquals(
                "errorRate must be in [0.0, 1.0], got 1.5",
                assertThrows(IllegalArgumentException.class, () -> new BaselineRecord("a", "t", 1, 1.5, 0, 0))
                        .getMessage());
        assertEquals(
                "agentId must not be blank",
                assertThrows(IllegalArgumentException.class, () -> new BaselineRecord(" ", "t", 1, 0, 0, 0))
                        .getMessage());
        assertEquals(
                "durationSeconds must be finite, got Infinity",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new BaselineRecord("a", "t", 1, 0, 0, Double.POSITIVE_INFINITY))
                        .getMessage());
    }
}
