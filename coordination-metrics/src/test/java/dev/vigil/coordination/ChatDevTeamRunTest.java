package dev.vigil.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.spi.model.AgentDuration;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.TeamRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real team: ChatDev's RPG_V1 run (seven roles, OpenBMB/ChatDev WareHouse log) measured by the collector. The log
 * has no single-agent run, so the baseline metrics are absent; what the log itself allows is message density, the
 * straggler gap and the message overhead (plus the Amdahl ceiling of a seven-agent team).
 */
class ChatDevTeamRunTest {

    private static final Path LOG = Path.of("..", "..", "shared", "traces", "chatdev-RPG_V1-20231026174838.log");
    private static final List<String> ROLES = List.of(
            "Chief Executive Officer",
            "Chief Product Officer",
            "Chief Technology Officer",
            "Programmer",
            "Code Reviewer",
            "Software Test Engineer",
            "Counselor");

    private static ChatDevLogReader.ChatDevLog chatDev;

    @BeforeAll
    static void read() throws IOException {
        assertTrue(Files.isReadable(LOG), () -> "trace not found at " + LOG.toAbsolutePath());
        chatDev = ChatDevLogReader.read(LOG);
    }

    @Test
    void theReaderAgreesWithTheLogsOwnSummary() {
        TeamRun team = chatDev.teamRun();
        assertEquals("RPG_V1", team.taskId());
        assertEquals(ROLES, team.agentRuns().stream().map(Run::agentId).toList());
        assertEquals(7, team.teamSize());
        // 13 Start Chat instructions + 13 replies = the log's num_utterances.
        assertEquals(26, team.messageCount());
        assertEquals(
                chatDev.postInfo().get("num_utterances"), team.messageCount().doubleValue());
        // 13 usage blocks, one per LLM call; their tokens add up to the log's num_total_tokens (21525 + 5258).
        assertEquals(13, team.turns().size());
        assertEquals(
                26783L, team.turns().stream().mapToLong(t -> t.totalTokens()).sum());
        assertEquals(chatDev.postInfo().get("num_total_tokens"), 26783.0);
        // Day and month swapped: 2023-26-10 17:48:38 to 18:08:12 is the log's "duration=1174.00s".
        assertEquals(Instant.parse("2023-10-26T17:48:38Z"), chatDev.firstEntry());
        assertEquals(1174.0, chatDev.postInfo().get("duration"));
        assertEquals(
                1174L,
                Duration.between(chatDev.firstEntry(), chatDev.lastEntry()).toSeconds());
    }

    @Test
    void agentDurationsAreEachRolesOwnLlmTime() {
        // Each LLM call lasts from the utterance that prompted it to its usage entry, e.g. the Programmer's first
        // Coding reply: prompted 17:48:43, received 17:50:06 = 83 s. Per role:
        //   CEO 20 (Reflection); CPO 4 + 82 (DemandAnalysis, Manual); CTO 1 (LanguageChoose);
        //   Programmer 83 + 116 + 114 + 491 + 117 + 14 = 935; Code Reviewer 23 + 59 + 33 = 115;
        //   Software Test Engineer and Counselor only send instructions: 0.
        assertEquals(
                List.of(
                        new AgentDuration("Chief Executive Officer", 20.0),
                        new AgentDuration("Chief Product Officer", 86.0),
                        new AgentDuration("Chief Technology Officer", 1.0),
                        new AgentDuration("Programmer", 935.0),
                        new AgentDuration("Code Reviewer", 115.0),
                        new AgentDuration("Software Test Engineer", 0.0),
                        new AgentDuration("Counselor", 0.0)),
                chatDev.teamRun().agentDurations());
        // The roles' 1157 s plus the 17 s ChatDev spent running the code (13 + 3 + 1) are the whole 1174 s run.
        double busy = chatDev.teamRun().agentDurations().stream()
                .mapToDouble(AgentDuration::seconds)
                .sum();
        assertEquals(1157.0, busy);
    }

    @Test
    void collectorMeasuresTheTeam() {
        CoordinationResult result = CoordinationMetricsCollector.builder(CoordinationConfig.DEFAULTS.withEnabled(true))
                .baselineStore(new BaselineStore())
                .build()
                .collect(chatDev.teamRun());

        // Message density 2.0 = 26 utterances / 13 LLM calls: every call is framed by two messages, the instruction
        // that prompts it and the reply it produces (every chat in this log ends after turn 0).
        MessageDensity density = result.messageDensity();
        assertEquals(26, density.interAgentMessages());
        assertEquals(13, density.reasoningTurns());
        assertEquals(2.0, density.value());

        // Straggler: the Programmer (935 s) against the exact mean 1157 / 7 = 165.28571428571428 s; he took 4.66 times
        // the average role's time longer, because coding, three review fixes and the test fix are all his.
        StragglerGap straggler = result.stragglerGap();
        assertEquals("Programmer", straggler.slowestAgentId());
        assertEquals(935.0, straggler.slowestDurationSeconds());
        assertEquals(165.28571428571428, straggler.meanDurationSeconds());
        assertEquals(769.7142857142858, straggler.gapSeconds());
        assertEquals(4.6568712186689725, straggler.gapRatio(), 1e-12);

        // Message overhead: 26 messages > 7² × 0.5 = 24.5, so ChatDev's pairwise chat chain counts as quadratic.
        MessageOverhead overhead = result.messageOverhead();
        assertEquals(7, overhead.teamSize());
        assertEquals(26, overhead.messageCount());
        assertEquals(24.5, overhead.quadraticLimit());
        assertTrue(overhead.isQuadratic());

        // Seven agents: p = 6/7, ceiling 6.999999999999997x, 90 % of it from ceil(53.99999999999998) = 54 agents.
        AmdahlCeiling amdahl = result.amdahlCeiling();
        assertNotNull(amdahl);
        assertEquals(54, amdahl.recommendedTeamSize());

        // No single-agent ChatDev run exists, so the baseline is empty and the four baseline metrics say so.
        assertNull(result.efficiency());
        assertNull(result.overhead());
        assertNull(result.errorAmplification());
        assertNull(result.tokenSpeedupRatio());
        assertEquals("baseline is empty (no single-agent run recorded yet)", result.skipReason(MetricName.EFFICIENCY));
        // The reader keeps no final outputs, so there is nothing to compare for redundancy.
        assertEquals("fewer than 2 agent outputs (0)", result.skipReason(MetricName.REDUNDANCY));
        assertTrue(result.alerts().isEmpty());
    }
}
