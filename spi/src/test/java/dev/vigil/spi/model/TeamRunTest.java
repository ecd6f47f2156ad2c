package dev.vigil.spi.model;

import static dev.vigil.spi.model.Fixtures.T0;
import static dev.vigil.spi.model.Fixtures.timedRun;
import static dev.vigil.spi.model.Fixtures.turn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Derived values of {@link TeamRun}, makespan (D5) in particular. */
class TeamRunTest {

    private static Run untimed(String agentId, double... latenciesMs) {
        Run.Builder builder = Run.builder("run-" + agentId, agentId, "t1", TerminationReason.COMPLETED);
        for (int i = 0; i < latenciesMs.length; i++) {
            builder.turn(turn(i + 1, latenciesMs[i]));
        }
        return builder.build();
    }

    @Test
    void makespanIsLatestEndMinusEarliestStart() {
        TeamRun team = TeamRun.builder(
                        "tr",
                        "t1",
                        List.of(
                                timedRun("a", T0, T0.plusSeconds(40)),
                                timedRun("b", T0.plusSeconds(10), T0.plusSeconds(50))))
                .build();
        assertEquals(50.0, team.makespanSeconds());
        assertEquals(List.of(new AgentDuration("a", 40.0), new AgentDuration("b", 40.0)), team.agentDurations());
    }

    @Test
    void makespanKeepsFractionsOfSeconds() {
        TeamRun team = TeamRun.builder(
                        "tr",
                        "t1",
                        List.of(
                                timedRun("a", T0.plusMillis(250), T0.plusSeconds(1)),
                                timedRun("b", T0.plusSeconds(2), T0.plusMillis(2_750))))
                .build();
        assertEquals(2.5, team.makespanSeconds());
    }

    @Test
    void makespanFallsBackToTheLongestAgentWhenATimestampIsMissing() {
        TeamRun team = TeamRun.builder(
                        "tr", "t1", List.of(timedRun("a", T0, T0.plusSeconds(40)), untimed("b", 15_000, 25_000)))
                .build();
        assertEquals(40.0, team.makespanSeconds());

        TeamRun untimedTeam = TeamRun.builder("tr", "t1", List.of(untimed("a", 1_000), untimed("b", 3_000, 500)))
                .build();
        assertEquals(3.5, untimedTeam.makespanSeconds());
    }

    @Test
    void derivedDefaultsAndAggregates() {
        Run a = untimed("a", 1_000).toBuilder().finalOutput("A").build();
        Run b = untimed("b", 1_000, 1_000);
        Run a2 = Run.builder("run-a2", "a", "t1", TerminationReason.COMPLETED)
                .finalOutput("A2")
                .build();
        TeamRun team = TeamRun.builder("tr", "t1", List.of(a, b, a2)).build();
        assertEquals("a", team.leadAgentId());
        assertEquals(2, team.teamSize());
        assertNull(team.messages());
        assertNull(team.messageCount());
        assertTrue(team.multiAgent());
        assertEquals(List.of("A", "A2"), team.agentOutputs());
        assertEquals(3, team.turns().size());
        assertEquals(
                List.of(1, 1, 2), team.turns().stream().map(Turn::turnNumber).toList());
    }

    @Test
    void explicitValuesAndMessages() {
        TeamRun team = TeamRun.builder("tr", "t1", List.of(untimed("a"), untimed("a")))
                .leadAgentId("boss")
                .teamSize(5)
                .message(new AgentMessage("a", null, null, null))
                .message(new AgentMessage("a", "b", T0, "chat"))
                .build();
        assertEquals("boss", team.leadAgentId());
        assertEquals(5, team.teamSize());
        assertEquals(2, team.messageCount());
        assertFalse(team.multiAgent());
        assertEquals(
                0,
                TeamRun.builder("tr", "t1", List.of(untimed("a")))
                        .messages(List.of())
                        .build()
                        .messageCount());
        assertEquals(team, team.toBuilder().build());
    }
}
