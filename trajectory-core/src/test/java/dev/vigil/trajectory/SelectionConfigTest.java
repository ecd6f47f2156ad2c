package dev.vigil.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.spi.model.Candidate;
import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.ToolCall;
import dev.vigil.spi.model.Turn;
import dev.vigil.spi.settings.Settings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 12's selection settings, the read-only patterns and the trace-length estimate. */
class SelectionConfigTest {

    @Test
    void defaultsAreTheIssue12Selection() {
        SelectionConfig config = SelectionConfig.DEFAULTS;
        assertEquals(VoteScope.STATE_CHANGING, config.voteScope());
        assertEquals(CandidateRanking.AGREEMENT, config.ranking());
        assertEquals(
                List.of("get_*", "search", "search_*", "list_*", "find_*", "calculate", "think"),
                config.readOnlyTools());
        assertTrue(config.estimateMissingTokens());
        assertEquals(4.0, config.charsPerToken());
        assertEquals("vote=state_changing ranking=agreement estimate=4.0 chars/token", config.describe());
    }

    @Test
    void theSeedIsLastTurnJointScoreWithoutEstimate() {
        assertEquals(VoteScope.LAST_TURN, SelectionConfig.SEED.voteScope());
        assertEquals(CandidateRanking.JOINT_SCORE, SelectionConfig.SEED.ranking());
        assertFalse(SelectionConfig.SEED.estimateMissingTokens());
    }

    @Test
    void readsItsSettings() {
        SelectionConfig config = SelectionConfig.from(Settings.of(Map.of(
                "engine.trajectory.selection.vote_scope", "final_answer",
                "engine.trajectory.selection.read_only_tools", " lookup_* , status ,,",
                "engine.trajectory.selection.ranking", "joint_score",
                "engine.trajectory.selection.estimate_missing_tokens", "false",
                "engine.trajectory.selection.chars_per_token", "3.5")));
        assertEquals(
                new SelectionConfig(
                        VoteScope.FINAL_ANSWER,
                        List.of("lookup_*", "status"),
                        CandidateRanking.JOINT_SCORE,
                        false,
                        3.5),
                config);
    }

    @ParameterizedTest
    @CsvSource({
        "get_user_details, true",
        "search_direct_flight, true",
        "list_all_airports, true",
        "find_order, true",
        "calculate, true",
        "search, true",
        "think, true",
        "searcher, false",
        "calculate_fee, false",
        "book_reservation, false",
        "transfer_to_human_agents, false",
        "forget_me, false",
        "GET_USER, false"
    })
    void readOnlyToolsMatchTheDefaultPatterns(String tool, boolean readOnly) {
        assertEquals(readOnly, SelectionConfig.DEFAULTS.isReadOnly(tool));
    }

    @Test
    void patternsMayHoldWildcardsAnywhereAndNoRegexSyntax() {
        SelectionConfig config = new SelectionConfig(
                VoteScope.STATE_CHANGING, List.of("*_status", "a*b*c", "x.y"), CandidateRanking.AGREEMENT, true, 4.0);
        assertTrue(config.isReadOnly("flight_status"));
        assertTrue(config.isReadOnly("abc") && config.isReadOnly("a--b--c"));
        assertTrue(config.isReadOnly("x.y"));
        assertFalse(config.isReadOnly("xzy"), "a dot is a dot");
    }

    @Test
    void rejectsBadComponents() {
        assertEquals(
                "charsPerToken must be > 0.0, got 0.0",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new SelectionConfig(
                                        VoteScope.LAST_TURN, List.of(), CandidateRanking.JOINT_SCORE, true, 0.0))
                        .getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> new SelectionConfig(VoteScope.LAST_TURN, List.of(" "), CandidateRanking.JOINT_SCORE, true, 4));
        assertThrows(
                IllegalArgumentException.class,
                () -> new SelectionConfig(
                        VoteScope.LAST_TURN, List.of(), CandidateRanking.JOINT_SCORE, true, Double.NaN));
        assertThrows(
                IllegalArgumentException.class,
                () -> new SelectionConfig(null, List.of(), CandidateRanking.JOINT_SCORE, true, 4));
        assertEquals(
                "voteScope must be one of [last_turn, state_changing, final_answer], got 'all'",
                assertThrows(IllegalArgumentException.class, () -> VoteScope.fromWireName("all"))
                        .getMessage());
        assertEquals(CandidateRanking.AGREEMENT, CandidateRanking.fromWireName("agreement"));
    }

    @Test
    void traceLengthIsWhatTheModelWroteOverCharsPerToken() {
        // 10 content characters + "get_x" (5) + {"a":1} (7) = 22 characters; ceil(22 / 4) = 6.
        Turn turn = Turn.builder(1, FinishReason.TOOL_USE)
                .content("0123456789")
                .toolCall(ToolCall.of("get_x", Map.of("a", 1)))
                .build();
        Run run = Run.builder("r", "a", "t", TerminationReason.COMPLETED)
                .turn(turn)
                .build();
        Candidate candidate = Candidate.of(0, run, null);
        assertFalse(TraceLength.hasTokenCount(candidate));
        assertEquals(6, TraceLength.estimateTokens(candidate, 4.0));
        assertEquals(22, TraceLength.estimateTokens(candidate, 1.0));
        assertTrue(TraceLength.hasTokenCount(new Candidate(0, run, null, 5)));
        assertThrows(IllegalArgumentException.class, () -> TraceLength.estimateTokens(candidate, 0.0));
    }

    @Test
    void aScoreCarriesAnAgreementInTheUnitInterval() {
        assertEquals(0.0, new TrajectoryScore(0, 0.0, -1.0, true).agreement());
        assertThrows(IllegalArgumentException.class, () -> new TrajectoryScore(0, 0.0, -1.0, true, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new TrajectoryScore(0, 0.0, -1.0, true, Double.NaN));
    }
}
