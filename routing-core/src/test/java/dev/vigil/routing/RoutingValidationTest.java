package dev.vigil.routing;

import static dev.vigil.routing.Fixtures.agent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.spi.model.Complexity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Record validation and config messages of routing.md §A.1–§A.3 and the second table of examples.md §21. */
class RoutingValidationTest {

    private static String message(Runnable action) {
        return assertThrows(IllegalArgumentException.class, action::run).getMessage();
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.5, 1.5})
    void scorerRejectsMinScoreOutOfRange(double minScore) {
        RecordingLogs.clear();
        assertEquals(
                "minScore must be between 0.0 and 1.0, got " + minScore,
                message(() -> new AgentTaskScorer(minScore, RoutingScorerConfig.DEFAULTS)));
        var events = RecordingLogs.named("vigil.routing.scorer_invalid_config");
        assertEquals(1, events.size());
        assertEquals(minScore, events.get(0).field("min_score"));
    }

    @Test
    void scorerRejectsNaNMinScore() {
        assertEquals(
                "minScore must be between 0.0 and 1.0, got NaN", message(() -> new AgentTaskScorer(Double.NaN, null)));
    }

    @Test
    void explicitMinScoreOverridesTheConfig() {
        assertEquals(0.5, new AgentTaskScorer(0.5, RoutingScorerConfig.DEFAULTS).minScore());
        assertEquals(0.1, new AgentTaskScorer(null, null).minScore());
    }

    @Test
    void defaultConfigSumsToExactlyOnePointOneWithoutWarning() {
        RecordingLogs.clear();
        RoutingScorerConfig config = new RoutingScorerConfig(0.4, 0.2, 0.1, 0.2, 0.2, 0.1);
        assertEquals(1.1, config.weightSum());
        assertEquals(RoutingScorerConfig.DEFAULTS, config);
        assertTrue(RecordingLogs.named("vigil.routing.scorer_invalid_config").isEmpty());
    }

    @Test
    void overweightConfigWarnsButIsAccepted() {
        RecordingLogs.clear();
        RoutingScorerConfig config = new RoutingScorerConfig(0.4, 0.2, 0.2, 0.2, 0.2, 0.1);
        assertTrue(config.exceedsDocumentedMaximum());
        var events = RecordingLogs.named("vigil.routing.scorer_invalid_config");
        assertEquals(1, events.size());
        assertEquals(org.slf4j.event.Level.WARN, events.get(0).level());
        assertEquals(
                "routing weights sum to 1.200 (documented max ~1.1, hard ceiling 1.3); final score is still capped at"
                        + " 1.0",
                events.get(0).field("error"));
    }

    @Test
    void theMentionedCeilingIsNotEnforced() {
        RoutingScorerConfig config = new RoutingScorerConfig(1.0, 1.0, 1.0, 1.0, 1.0, 0.1);
        assertEquals(5.0, config.weightSum());
    }

    @Test
    void configComponentsMustBeInUnitRange() {
        assertEquals(
                "primarySkillWeight must be in [0.0, 1.0], got 1.5",
                message(() -> new RoutingScorerConfig(1.5, 0.2, 0.1, 0.2, 0.2, 0.1)));
        assertEquals(
                "minScore must be in [0.0, 1.0], got -0.1",
                message(() -> new RoutingScorerConfig(0.4, 0.2, 0.1, 0.2, 0.2, -0.1)));
        assertEquals(
                "tagMatchBonus must be finite, got NaN",
                message(() -> new RoutingScorerConfig(0.4, 0.2, Double.NaN, 0.2, 0.2, 0.1)));
        assertEquals(
                "roleMatchBonus must be finite, got Infinity",
                message(() -> new RoutingScorerConfig(0.4, 0.2, 0.1, Double.POSITIVE_INFINITY, 0.2, 0.1)));
    }

    @Test
    void skillInBothTiers() {
        assertEquals(
                "Skills cannot appear in both primary and secondary tiers: [python]",
                message(() -> SkillSet.ofIds(List.of("python", "go"), List.of("python"))));
        assertEquals(
                "Skills cannot appear in both primary and secondary tiers: [a, b]",
                message(() -> SkillSet.ofIds(List.of("b", "a"), List.of("b", "a"))));
    }

    @Test
    void duplicateSkillsWithinATier() {
        assertEquals(
                "Duplicate skill ids in primary tier: [a, b]",
                message(() -> SkillSet.ofIds(List.of("b", "a", "b", "a", "c"), List.of())));
        assertEquals(
                "Duplicate skill ids in secondary tier: [x]",
                message(() -> SkillSet.ofIds(List.of(), List.of("x", "x"))));
    }

    @Test
    void skillValidationAndDefaults() {
        Skill skill = new Skill("python", null, null);
        assertEquals(1.0, skill.proficiency());
        assertEquals(List.of(), skill.tags());
        assertEquals("id must not be blank", message(() -> new Skill("  ")));
        assertEquals("proficiency must be in [0.0, 1.0], got 1.5", message(() -> new Skill("p", 1.5, null)));
        assertEquals("proficiency must be in [0.0, 1.0], got -0.1", message(() -> new Skill("p", -0.1, null)));
        assertEquals("proficiency must be finite, got NaN", message(() -> new Skill("p", Double.NaN, null)));
        assertEquals("tags must not contain null", message(() -> new Skill("p", 1.0, Arrays.asList("a", null))));
    }

    @Test
    void listsAreCopiedAndKeepOrder() {
        List<String> tags = new ArrayList<>(List.of("b", "a"));
        Skill skill = new Skill("p", tags);
        tags.add("c");
        assertEquals(List.of("b", "a"), skill.tags());
        assertThrows(UnsupportedOperationException.class, () -> skill.tags().add("x"));
    }

    @Test
    void agentIdentityValidationAndDefaults() {
        assertEquals(
                "name must not be blank",
                message(() -> new AgentIdentity("a", " ", "r", SeniorityLevel.MID, null, null)));
        assertEquals(
                "role must not be blank",
                message(() -> new AgentIdentity("a", "n", null, SeniorityLevel.MID, null, null)));
        assertEquals(
                "id must not be blank", message(() -> new AgentIdentity("", "n", "r", SeniorityLevel.MID, null, null)));
        assertEquals("level must not be null", message(() -> new AgentIdentity("a", "n", "r", null, null, null)));
        AgentIdentity agent = new AgentIdentity("a", "n", "r", SeniorityLevel.MID, null, null);
        assertEquals(AgentStatus.ACTIVE, agent.status());
        assertEquals(SkillSet.EMPTY, agent.skills());
    }

    @Test
    void subtaskValidationAndDefaults() {
        Subtask subtask = new Subtask("s", null, null, null, null);
        assertEquals(List.of(), subtask.requiredSkills());
        assertEquals(List.of(), subtask.requiredTags());
        assertEquals(Complexity.MEDIUM, subtask.estimatedComplexity());
        assertEquals("id must not be blank", message(() -> new Subtask(" ", null, null, null, null)));
        assertEquals(
                "requiredSkills must not contain null",
                message(() -> new Subtask("s", Arrays.asList("a", null), null, null, null)));
        assertEquals("parentTaskId must not be blank", message(() -> new DecompositionPlan("\t", List.of())));
    }

    @Test
    void candidateValidation() {
        AgentIdentity a = agent("a", SeniorityLevel.MID, SkillSet.EMPTY);
        assertEquals("score must be in [0.0, 1.0], got 1.5", message(() -> new RoutingCandidate(a, 1.5, null, "r")));
        assertEquals("score must be finite, got NaN", message(() -> new RoutingCandidate(a, Double.NaN, null, "r")));
        assertEquals("reason must not be blank", message(() -> new RoutingCandidate(a, 0.5, null, " ")));
    }

    @Test
    void selectedCandidateMustNotBeAnAlternative() {
        RecordingLogs.clear();
        AgentIdentity a = new AgentIdentity("a1", "Ada", "r", SeniorityLevel.MID, null, null);
        RoutingCandidate selected = new RoutingCandidate(a, 0.5, List.of(), "r");
        RoutingCandidate again = new RoutingCandidate(a, 0.4, List.of(), "r");
        assertEquals(
                "Selected candidate 'Ada' also appears in alternatives",
                message(() -> new RoutingDecision("s1", selected, List.of(again))));
        assertEquals(1, RecordingLogs.named("vigil.routing.failed").size());
    }

    @Test
    void resultRejectsDuplicateAndOverlappingIds() {
        AgentIdentity a = agent("a", SeniorityLevel.MID, SkillSet.EMPTY);
        RoutingCandidate c = new RoutingCandidate(a, 0.5, List.of(), "r");
        RoutingDecision s1 = new RoutingDecision("s1", c, List.of());
        RoutingDecision s2 = new RoutingDecision("s2", c, List.of());
        RecordingLogs.clear();
        assertEquals(
                "Duplicate subtask IDs in decisions: [s1, s2]",
                message(() -> new RoutingResult("p", List.of(s2, s1, s2, s1), List.of())));
        assertEquals(
                "Duplicate subtask IDs in unroutable: [x]",
                message(() -> new RoutingResult("p", List.of(s1), List.of("x", "x"))));
        assertEquals(
                "Subtask IDs appear in both decisions and unroutable: [s1, s2]",
                message(() -> new RoutingResult("p", List.of(s2, s1), List.of("s2", "s1", "s3"))));
        assertEquals(3, RecordingLogs.named("vigil.routing.failed").size());
    }

    @Test
    void wireNamesAreTheLowerCasedConstantNames() {
        // The CLI binds YAML with Jackson's case-insensitive enums, which relies on this.
        for (AgentStatus status : AgentStatus.values()) {
            assertEquals(status.name().toLowerCase(Locale.ROOT), status.wireName());
            assertEquals(status, AgentStatus.fromWireName(status.wireName()));
        }
        for (SeniorityLevel level : SeniorityLevel.values()) {
            assertEquals(level.name().toLowerCase(Locale.ROOT), level.wireName());
            assertEquals(level, SeniorityLevel.fromWireName(level.wireName()));
        }
        assertEquals(
                "level must be one of [junior, mid, senior, lead, principal, director, vp, c_suite], got 'Senior'",
                message(() -> SeniorityLevel.fromWireName("Senior")));
    }
}
