package dev.vigil.spi.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.spi.model.TriageDecision;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link TriageVerdict} per health.md §4. */
class TriageVerdictTest {

    @Test
    void abstainConstant() {
        assertEquals(TriageDecision.ABSTAIN, TriageVerdict.ABSTAIN.decision());
        assertNull(TriageVerdict.ABSTAIN.reason());
        assertEquals(Map.of(), TriageVerdict.ABSTAIN.details());
    }

    @Test
    void factories() {
        assertEquals(
                new TriageVerdict(TriageDecision.ESCALATE, "severity >= HIGH", Map.of()),
                TriageVerdict.escalate("severity >= HIGH"));
        assertEquals(
                new TriageVerdict(TriageDecision.DISMISS, "LOW severity (transient)", null),
                TriageVerdict.dismiss("LOW severity (transient)"));
        TriageVerdict withDetails =
                TriageVerdict.escalate("MEDIUM with persistent stall", Map.of("stall_seconds", 60.0));
        assertEquals(Map.of("stall_seconds", 60.0), withDetails.details());
        assertEquals(
                Map.of("steps_stuck", 2),
                TriageVerdict.dismiss("MEDIUM transient (below thresholds)", Map.of("steps_stuck", 2))
                        .details());
        assertEquals("why", new TriageVerdict(TriageDecision.ABSTAIN, "why", null).reason());
    }

    @Test
    void detailsAreDeepCopiedAndKeepOrderAndNull() {
        List<Object> steps = new ArrayList<>(Arrays.asList(1, null));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("z", steps);
        details.put("a", null);
        TriageVerdict verdict = new TriageVerdict(TriageDecision.ESCALATE, "r", details);
        steps.add(3);
        details.put("late", 1);
        assertEquals(List.of("z", "a"), new ArrayList<>(verdict.details().keySet()));
        assertEquals(Arrays.asList(1, null), verdict.details().get("z"));
        assertThrows(
                UnsupportedOperationException.class, () -> verdict.details().put("x", 1));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("decision must not be null", (Executable) () -> new TriageVerdict(null, "r", null)),
                Arguments.of("reason must not be blank", (Executable) () -> TriageVerdict.escalate(null)),
                Arguments.of("reason must not be blank", (Executable) () -> TriageVerdict.escalate(" ")),
                Arguments.of("reason must not be blank", (Executable) () -> TriageVerdict.dismiss("")),
                Arguments.of("reason must not be blank", (Executable)
                        () -> new TriageVerdict(TriageDecision.ABSTAIN, "  ", null)),
                Arguments.of("details must hold JSON values only, got java.lang.Thread at 'thread'", (Executable)
                        () -> TriageVerdict.escalate("r", Map.of("thread", Thread.currentThread()))),
                Arguments.of("details must not contain non-finite numbers, got NaN at 'stall_seconds'", (Executable)
                        () -> TriageVerdict.dismiss("r", Map.of("stall_seconds", Double.NaN))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejects(String expectedMessage, Executable action) {
        assertEquals(
                expectedMessage,
                assertThrows(IllegalArgumentException.class, action).getMessage());
    }
}
