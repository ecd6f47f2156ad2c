package dev.vigil.quality.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** examples.md §6: scored feedback on the deliverable "Implemented login page with OAuth". */
class ScoredFeedbackTest {

    private static final String DELIVERABLE = "Implemented login page with OAuth";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

    private static ReviewContext context(List<String> criteria) {
        return new ReviewContext("task-1", "Login", criteria, DELIVERABLE);
    }

    private static ScoredFeedback reviewer(double strictness, ScoredFeedbackConfig config) {
        ClientProfile profile = new ClientProfile("client-1", "Ada", "demanding CTO", List.of("web"), strictness);
        return ScoredFeedback.forProfile(profile, config, CLOCK);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "login page, 1.0",
        "LOGIN PAGE, 1.0",
        "password reset, 0.46799999999999997",
        "rate limiting, 0.33899999999999997",
        "audit log, 0.4925",
        "__default__, 0.7785"
    })
    void criterionScoreTableRow(String criterion, double score) {
        assertEquals(score, ScoredFeedback.score(DELIVERABLE, criterion));
    }

    @Test
    void foundCriterionIsAccepted() {
        ClientFeedback feedback = reviewer(0.5, ScoredFeedbackConfig.DEFAULTS).evaluate(context(List.of("login page")));

        assertTrue(feedback.accepted());
        assertNull(feedback.reason());
        assertEquals(Map.of("login page", 1.0), feedback.scores());
        assertEquals(List.of(), feedback.unmetCriteria());
        assertEquals(CLOCK.instant(), feedback.createdAt());
        assertEquals("task-1", feedback.taskId());
        assertEquals("client-1", feedback.clientId());
    }

    @Test
    void unmetCriterionRejectsEvenWhenTheMeanPasses() {
        ScoredFeedback reviewer = reviewer(0.5, ScoredFeedbackConfig.DEFAULTS);

        ClientFeedback feedback = reviewer.evaluate(context(List.of("login page", "password reset")));

        assertEquals(1.0, reviewer.strictnessMultiplier());
        assertEquals(0.5, reviewer.threshold());
        assertFalse(feedback.accepted());
        assertEquals("1 criteria below passing score", feedback.reason());
        assertEquals(List.of("password reset"), feedback.unmetCriteria());
        assertEquals(
                0.734, (feedback.scores().get("login page") + feedback.scores().get("password reset")) / 2);
    }

    @Test
    void noCriteriaUseTheDefaultCriterion() {
        ScoredFeedback reviewer = reviewer(1.0, ScoredFeedbackConfig.DEFAULTS);

        ClientFeedback feedback = reviewer.evaluate(context(List.of()));

        assertEquals(2.0, reviewer.strictnessMultiplier());
        assertEquals(1.0, reviewer.threshold());
        assertFalse(feedback.accepted());
        assertEquals("Mean score 0.78 below threshold 1.00", feedback.reason());
        assertEquals(List.of(), feedback.unmetCriteria());
        assertEquals(Map.of("__default__", 0.7785), feedback.scores());
    }

    @Test
    void strictnessZeroUsesTheFloor() {
        ScoredFeedback reviewer = reviewer(0.0, ScoredFeedbackConfig.DEFAULTS);

        ClientFeedback feedback = reviewer.evaluate(context(List.of("login page")));

        assertEquals(0.1, reviewer.strictnessMultiplier());
        assertEquals(0.05, reviewer.threshold());
        assertTrue(feedback.accepted());
    }

    @ParameterizedTest(name = "strictness {0}, multiplier {1}, floor {2}")
    @CsvSource({
        "0.5, 2.0, 0.1, 1.0",
        "1.0, 2.0, 0.1, 2.0",
        "0.0, 2.0, 0.1, 0.1",
        "0.5, 4.0, 0.1, 2.0",
        "0.0, 2.0, 0.25, 0.25"
    })
    void multiplierTableRow(double strictness, double multiplier, double floor, double expected) {
        ClientProfile profile = new ClientProfile("c", "n", "p", List.of(), strictness);

        assertEquals(expected, new ScoredFeedbackConfig(0.5, multiplier, floor).multiplierFor(profile));
    }

    @Test
    void duplicateCriteriaKeepOneScoreButCountEachMiss() {
        ClientFeedback feedback = reviewer(0.5, ScoredFeedbackConfig.DEFAULTS)
                .evaluate(context(List.of("password reset", "login page", "password reset")));

        assertEquals(
                List.of("password reset", "login page"),
                List.copyOf(feedback.scores().keySet()));
        assertEquals(List.of("password reset", "password reset"), feedback.unmetCriteria());
        assertEquals("2 criteria below passing score", feedback.reason());
    }

    @Test
    void constructorValidatesItsArguments() {
        assertEquals(
                "passingScore must be in [0.0, 1.0], got 1.2",
                assertThrows(IllegalArgumentException.class, () -> new ScoredFeedback("c", 1.2, 1.0))
                        .getMessage());
        assertEquals(
                "strictnessMultiplier must be > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new ScoredFeedback("c", 0.5, 0.0))
                        .getMessage());
        assertEquals(
                "strictnessFloor must be > 0, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> new ScoredFeedbackConfig(0.5, 2.0, -1.0))
                        .getMessage());
    }

    @Test
    void feedbackRecordRules() {
        Instant now = CLOCK.instant();
        assertEquals(
                "reason is required when accepted is false",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new ClientFeedback(null, "t", "c", false, null, null, List.of(), now))
                        .getMessage());
        assertEquals(
                "scores['k'] must be in [0.0, 1.0], got 1.5",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new ClientFeedback(null, "t", "c", true, null, Map.of("k", 1.5), List.of(), now))
                        .getMessage());
        ClientFeedback feedback = new ClientFeedback(null, "t", "c", true, null, null, null, now);
        assertFalse(feedback.feedbackId().isBlank());
        assertEquals(List.of(), feedback.unmetCriteria());
    }
}
