package dev.vigil.health.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.health.Fixtures;
import dev.vigil.health.HealthSettings;
import dev.vigil.spi.model.EscalationCause;
import dev.vigil.spi.model.EscalationSeverity;
import dev.vigil.spi.settings.Settings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The silence syntax documented on {@link Silence} and the setting that carries it. */
class SilenceTest {

    @Test
    void parsesEveryKeyInAnyOrderWithBlanks() {
        Silence silence = Silence.parse(" until = 2026-03-01T11:00:00Z ; cause=timeout; task = t-9 ;agent=bot ");

        assertEquals(
                new Silence("bot", "t-9", EscalationCause.TIMEOUT, Instant.parse("2026-03-01T11:00:00Z")), silence);
        assertEquals(silence, Silence.parse(silence.toString()));
        assertEquals("agent=bot;task=t-9;cause=timeout;until=2026-03-01T11:00:00Z", silence.toString());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            agent=bot                                  | silence needs until=<ISO-8601 instant>, got 'agent=bot'
            until=2026-03-01T11:00:00Z                 | silence must match at least one of agent, task, cause
            agent=bot;until=tomorrow                   | silence until must be an ISO-8601 instant, got 'tomorrow'
            agent;until=2026-03-01T11:00:00Z           | silence must be key=value pairs separated by ';', got 'agent;until=2026-03-01T11:00:00Z'
            who=bot;until=2026-03-01T11:00:00Z         | silence key must be one of [agent, task, cause, until], got 'who'
            cause=stuck;until=2026-03-01T11:00:00Z     | escalationCause must be one of [stagnation, repeated_failure, budget_breach, quality_degradation, timeout], got 'stuck'
            agent=;until=2026-03-01T11:00:00Z          | silence key 'agent' needs a value, got 'agent=;until=2026-03-01T11:00:00Z'
            """)
    void rejectsMalformedText(String text, String message) {
        assertEquals(
                message,
                assertThrows(IllegalArgumentException.class, () -> Silence.parse(text))
                        .getMessage());
    }

    @Test
    void matchesOnlyWhileActiveAndOnEveryGivenField() {
        Silence silence = new Silence("agent-1", null, EscalationCause.TIMEOUT, Fixtures.T0.plusSeconds(10));
        var ticket = Fixtures.ticket(EscalationCause.TIMEOUT, EscalationSeverity.MEDIUM, 0, 0);

        assertTrue(silence.matches(ticket, Fixtures.T0));
        assertFalse(silence.matches(ticket, Fixtures.T0.plusSeconds(10)));
        assertFalse(silence.matches(
                Fixtures.ticket(EscalationCause.STAGNATION, EscalationSeverity.MEDIUM, 0, 0), Fixtures.T0));
    }

    @Test
    void theSettingValidatesEveryEntryAtLoad() {
        String good = "agent=bot;until=2026-03-01T11:00:00Z";
        assertEquals(
                List.of(Silence.parse(good)),
                Silence.fromSettings(Settings.of(Map.of("engine.health.triage.silences", List.of(good)))));
        assertEquals(List.of(), Silence.fromSettings(Settings.defaults()));
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class, () -> Settings.of(Map.of("engine.health.triage.silences", "agent=bot"))
                        .get(HealthSettings.TRIAGE_SILENCES));
        assertTrue(
                error.getMessage().startsWith("engine.health.triage.silences must be a list of silences"),
                error.getMessage());
    }
}
