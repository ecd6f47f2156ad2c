package dev.vigil.routing;

import static dev.vigil.routing.Fixtures.agent;
import static dev.vigil.routing.Fixtures.primary;
import static dev.vigil.routing.Fixtures.secondary;
import static dev.vigil.routing.Fixtures.skills;
import static dev.vigil.routing.Fixtures.subtask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.spi.model.Complexity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** examples.md §21, the routing scorer with the default weights. */
class AgentTaskScorerExamplesTest {

    private final AgentTaskScorer scorer = new AgentTaskScorer();

    @ParameterizedTest
    @CsvSource({"TERMINATED, terminated", "ON_LEAVE, on_leave"})
    void inactiveAgentScoresZero(AgentStatus status, String wire) {
        AgentIdentity agent = new AgentIdentity(
                "a", "a", "Backend Engineer", SeniorityLevel.SENIOR, status, primary(new Skill("python")));
        Subtask subtask = subtask("s1", List.of("python"), List.of(), "backend engineer", Complexity.COMPLEX);

        RoutingCandidate candidate = scorer.score(agent, subtask);

        assertEquals(0.0, candidate.score());
        assertEquals("Agent status is " + wire + ", not active", candidate.reason());
        assertEquals(List.of(), candidate.matchedSkills());
        assertEquals(ScoreBreakdown.ZERO, candidate.breakdown());
    }

    @Test
    void primarySkillAlone() {
        RoutingCandidate c = scorer.score(
                agent("a", SeniorityLevel.JUNIOR, primary(new Skill("python"))),
                skills(List.of("python"), Complexity.EPIC));
        assertEquals(0.4, c.score());
        assertEquals("primary skills: [python]", c.reason());
        assertEquals(List.of("python"), c.matchedSkills());
        assertEquals(0.4, c.breakdown().primarySkill());
    }

    @Test
    void secondarySkillAlone() {
        RoutingCandidate c = scorer.score(
                agent("a", SeniorityLevel.JUNIOR, secondary(new Skill("python"))),
                skills(List.of("python"), Complexity.EPIC));
        assertEquals(0.2, c.score());
        assertEquals("secondary skills: [python]", c.reason());
        assertEquals(0.2, c.breakdown().secondarySkill());
    }

    @Test
    void roleMatchIsCaseInsensitiveAndStripped() {
        RoutingCandidate c = scorer.score(
                agent("a", "Backend Engineer", SeniorityLevel.JUNIOR, SkillSet.EMPTY),
                subtask("s1", List.of(), List.of(), " backend engineer", Complexity.EPIC));
        assertEquals(0.2, c.score());
        assertEquals("no skills required, skill matching skipped; role match", c.reason());
    }

    @Test
    void roleMatchUsesFullCaseFolding() {
        RoutingCandidate c = scorer.score(
                agent("a", "Straße", SeniorityLevel.JUNIOR, SkillSet.EMPTY),
                subtask("s1", List.of(), List.of(), "STRASSE", Complexity.EPIC));
        assertEquals(0.2, c.score());
    }

    @ParameterizedTest
    @CsvSource({
        "JUNIOR, SIMPLE, junior, simple",
        "MID, MEDIUM, mid, medium",
        "SENIOR, COMPLEX, senior, complex",
        "LEAD, COMPLEX, lead, complex",
        "PRINCIPAL, EPIC, principal, epic",
        "DIRECTOR, EPIC, director, epic",
        "VP, EPIC, vp, epic",
        "C_SUITE, EPIC, c_suite, epic"
    })
    void seniorityAlignmentAlone(SeniorityLevel level, Complexity complexity, String levelWire, String complexityWire) {
        RoutingCandidate c = scorer.score(agent("a", level, SkillSet.EMPTY), skills(List.of(), complexity));
        assertEquals(0.2, c.score());
        assertEquals(
                "no skills required, skill matching skipped; seniority " + levelWire + " aligns with complexity "
                        + complexityWire,
                c.reason());
    }

    /** The whole alignment table of routing.md §A.3, aligned and not. */
    @ParameterizedTest
    @EnumSource(SeniorityLevel.class)
    void alignmentTable(SeniorityLevel level) {
        List<Complexity> aligned =
                switch (level) {
                    case JUNIOR -> List.of(Complexity.SIMPLE);
                    case MID -> List.of(Complexity.SIMPLE, Complexity.MEDIUM);
                    case SENIOR -> List.of(Complexity.MEDIUM, Complexity.COMPLEX);
                    case LEAD, PRINCIPAL -> List.of(Complexity.COMPLEX, Complexity.EPIC);
                    case DIRECTOR, VP, C_SUITE -> List.of(Complexity.EPIC);
                };
        for (Complexity complexity : Complexity.values()) {
            double expected = aligned.contains(complexity) ? 0.2 : 0.0;
            assertEquals(
                    expected,
                    scorer.score(agent("a", level, SkillSet.EMPTY), skills(List.of(), complexity))
                            .score(),
                    level + " / " + complexity);
        }
    }

    @Test
    void roleMatchAndSeniority() {
        RoutingCandidate c = scorer.score(
                agent("a", "Backend Engineer", SeniorityLevel.SENIOR, SkillSet.EMPTY),
                subtask("s1", List.of(), List.of(), "Backend Engineer", Complexity.COMPLEX));
        assertEquals(0.4, c.score());
        assertEquals(
                "no skills required, skill matching skipped; role match; seniority senior aligns with complexity"
                        + " complex",
                c.reason());
    }

    @Test
    void allFourCriteria() {
        RoutingCandidate c = scorer.score(
                agent("a", "Backend Engineer", SeniorityLevel.SENIOR, primary(new Skill("python", List.of("backend")))),
                subtask("s1", List.of("python"), List.of("backend"), "Backend Engineer", Complexity.COMPLEX));
        assertEquals(0.8999999999999999, c.score());
        assertEquals(
                "primary skills: [python]; tag match: [backend]; role match; seniority senior aligns with complexity"
                        + " complex",
                c.reason());
        assertEquals(new ScoreBreakdown(0.4, 0.0, 0.1, 0.2, 0.2, 0.8999999999999999), c.breakdown());
    }

    @Test
    void overweightConfigIsCappedAtOne() {
        RoutingScorerConfig heavy = new RoutingScorerConfig(0.8, 0.2, 0.1, 0.2, 0.2, 0.1);
        RoutingCandidate c = new AgentTaskScorer(heavy)
                .score(
                        agent("a", "Backend Engineer", SeniorityLevel.SENIOR, primary(new Skill("python"))),
                        subtask("s1", List.of("python"), List.of(), "Backend Engineer", Complexity.COMPLEX));
        assertEquals(1.0, c.score());
        assertEquals(1.2, c.breakdown().uncappedTotal(), 1e-12);
        assertTrue(c.breakdown().capped());
    }

    @Test
    void nothingMatches() {
        RoutingCandidate c = scorer.score(
                agent("a", "Backend Engineer", SeniorityLevel.MID, primary(new Skill("python"))),
                subtask("s1", List.of("java"), List.of(), "Designer", Complexity.EPIC));
        assertEquals(0.0, c.score());
        assertEquals("no matching criteria", c.reason());
        assertEquals(List.of(), c.matchedSkills());
    }

    @Test
    void primaryProficiencyHalf() {
        RoutingCandidate c = scorer.score(
                agent("a", SeniorityLevel.JUNIOR, primary(new Skill("python", 0.5, List.of()))),
                skills(List.of("python"), Complexity.EPIC));
        assertEquals(0.2, c.score());
    }

    @Test
    void secondaryProficiencyHalfIsViableAtMinScoreInclusive() {
        RoutingCandidate c = scorer.score(
                agent("a", SeniorityLevel.JUNIOR, secondary(new Skill("python", 0.5, List.of()))),
                skills(List.of("python"), Complexity.EPIC));
        assertEquals(0.1, c.score());
        assertTrue(scorer.isViable(c));
    }

    @Test
    void zeroProficiencyStillCountsAsMatched() {
        RoutingCandidate c = scorer.score(
                agent("a", SeniorityLevel.JUNIOR, primary(new Skill("python", 0.0, List.of()))),
                skills(List.of("python"), Complexity.EPIC));
        assertEquals(0.0, c.score());
        assertEquals(List.of("python"), c.matchedSkills());
        assertEquals("primary skills: [python]", c.reason());
        assertFalse(scorer.isViable(c));
    }

    @Test
    void tagBonusWhenEveryRequiredTagIsCarried() {
        AgentIdentity a = agent("a", SeniorityLevel.JUNIOR, primary(new Skill("python", List.of("backend", "api"))));
        RoutingCandidate c =
                scorer.score(a, subtask("s1", List.of("python"), List.of("backend"), null, Complexity.EPIC));
        assertEquals(0.5, c.score());
        assertEquals("primary skills: [python]; tag match: [backend]", c.reason());
    }

    @Test
    void noTagBonusWithoutFullCoverage() {
        AgentIdentity a = agent("a", SeniorityLevel.JUNIOR, primary(new Skill("python", List.of("backend", "api"))));
        RoutingCandidate c =
                scorer.score(a, subtask("s1", List.of("python"), List.of("backend", "ml"), null, Complexity.EPIC));
        assertEquals(0.4, c.score());
        assertEquals("primary skills: [python]", c.reason());
    }

    @Test
    void noMatchedSkillsMeansNoTags() {
        AgentIdentity a = agent("a", SeniorityLevel.JUNIOR, primary(new Skill("python", List.of("backend"))));
        RoutingCandidate c = scorer.score(a, subtask("s1", List.of("java"), List.of("backend"), null, Complexity.EPIC));
        assertEquals(0.0, c.score());
    }

    @Test
    void secondaryTagsCount() {
        AgentIdentity a = agent("a", SeniorityLevel.JUNIOR, secondary(new Skill("python", List.of("backend"))));
        RoutingCandidate c =
                scorer.score(a, subtask("s1", List.of("python"), List.of("backend"), null, Complexity.EPIC));
        assertEquals(0.30000000000000004, c.score());
    }

    @Test
    void tagsAreUnionedAcrossTiers() {
        AgentIdentity a = agent(
                "a",
                SeniorityLevel.JUNIOR,
                new SkillSet(
                        List.of(new Skill("python", List.of("backend"))),
                        List.of(new Skill("docs", List.of("writing")))));
        RoutingCandidate c = scorer.score(
                a, subtask("s1", List.of("python", "docs"), List.of("backend", "writing"), null, Complexity.EPIC));
        assertEquals(0.4, c.score(), 1e-15);
        assertEquals(List.of("python", "docs"), c.matchedSkills());
        assertEquals("primary skills: [python]; secondary skills: [docs]; tag match: [backend, writing]", c.reason());
    }

    @Test
    void duplicateRequiredSkillsCountOnce() {
        RoutingCandidate c = scorer.score(
                agent("a", SeniorityLevel.JUNIOR, primary(new Skill("python"))),
                skills(List.of("python", "python"), Complexity.EPIC));
        assertEquals(0.4, c.score());
    }

    @Test
    void matchedSkillsAreSortedPrimaryThenSecondary() {
        AgentIdentity a =
                agent("a", SeniorityLevel.JUNIOR, SkillSet.ofIds(List.of("zeta", "alpha"), List.of("mid", "beta")));
        RoutingCandidate c = scorer.score(a, skills(List.of("mid", "zeta", "beta", "alpha", "other"), Complexity.EPIC));
        assertEquals(List.of("alpha", "zeta", "beta", "mid"), c.matchedSkills());
        // (2/5) * 0.4 + (2/5) * 0.2
        assertEquals(0.0 + (2.0 / 5) * 0.4 + (2.0 / 5) * 0.2, c.score());
    }

    @Test
    void agentScoredIsLoggedAtDebug() {
        RecordingLogs.clear();
        scorer.score(agent("ada", SeniorityLevel.JUNIOR, SkillSet.EMPTY), skills(List.of(), Complexity.SIMPLE));
        var events = RecordingLogs.named("vigil.routing.agent_scored");
        assertEquals(1, events.size());
        assertEquals(org.slf4j.event.Level.DEBUG, events.get(0).level());
        assertEquals("ada", events.get(0).field("agent_name"));
        assertEquals("s1", events.get(0).field("subtask_id"));
        assertEquals(0.2, events.get(0).field("score"));
    }
}
