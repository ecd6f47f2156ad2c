package dev.vigil.spi.model;

import static dev.vigil.spi.model.Fixtures.T0;
import static dev.vigil.spi.model.Fixtures.list;
import static dev.vigil.spi.model.Fixtures.map;
import static dev.vigil.spi.model.Fixtures.turn;
import static dev.vigil.spi.model.Fixtures.turns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every invalid value of the validation tables in data-model.md (and its rows in examples.md §2) is rejected with an
 * {@link IllegalArgumentException} carrying the exact message.
 */
class ValidationTest {

    private static final Instant LATER = T0.plusSeconds(1);

    private static Arguments reject(String expectedMessage, Executable action) {
        return Arguments.of(expectedMessage, action);
    }

    private static void assertRejected(String expectedMessage, Executable action) {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, action);
        assertEquals(expectedMessage, thrown.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void toolCallRejects(String expectedMessage, Executable action) {
        assertRejected(expectedMessage, action);
    }

    static Stream<Arguments> toolCallRejects() {
        return Stream.of(
                reject("name must not be blank", () -> new ToolCall(null, Map.of())),
                reject("name must not be blank", () -> new ToolCall("", Map.of())),
                reject("name must not be blank", () -> new ToolCall(" \t", Map.of())),
                reject("name must not be blank", () -> ToolCall.of("\u2003", Map.of())),
                reject(
                        "arguments must hold JSON values only, got java.time.Instant at 't'",
                        () -> new ToolCall("f", map("t", T0))),
                reject(
                        "arguments must not contain non-finite numbers, got NaN at 'a[1]'",
                        () -> new ToolCall("f", map("a", list(1.0, Double.NaN)))),
                reject(
                        "arguments must not contain non-finite numbers, got Infinity at 'a.b[1].c'",
                        () -> new ToolCall("f", map("a", map("b", list(0, map("c", Double.POSITIVE_INFINITY)))))),
                reject(
                        "arguments must not contain non-finite numbers, got -Infinity at 'x'",
                        () -> new ToolCall("f", map("x", Float.NEGATIVE_INFINITY))),
                reject(
                        "arguments must not contain non-finite numbers, got NaN at 'x'",
                        () -> new ToolCall("f", map("x", Float.NaN))),
                reject(
                        "arguments must not contain non-finite numbers, got Infinity at 'x'",
                        () -> new ToolCall("f", map("x", new BigDecimal("1e400")))),
                reject(
                        "arguments must hold JSON values only, got java.lang.Character at 'c'",
                        () -> new ToolCall("f", map("c", 'c'))),
                reject(
                        "arguments must hold JSON values only, got java.util.concurrent.atomic.AtomicInteger at 'n'",
                        () -> new ToolCall("f", map("n", new AtomicInteger(1)))),
                reject(
                        "arguments must hold JSON values only, got java.util.HashSet at 's'",
                        () -> new ToolCall("f", map("s", new HashSet<>(Set.of(1))))),
                reject(
                        "arguments must hold JSON values only, got java.util.Optional at 'o[0][2]'",
                        () -> new ToolCall("f", map("o", list(list(1, 2, Optional.empty()))))),
                reject(
                        "arguments must hold JSON values only, got [I at 'ints'",
                        () -> new ToolCall("f", map("ints", new int[] {1}))),
                reject(
                        "arguments must hold JSON values only, got java.lang.Integer key at 'm.7'",
                        () -> new ToolCall("f", map("m", Map.of(7, "seven")))),
                reject("arguments must hold JSON values only, got null key at 'm.null'", () -> {
                    Map<Object, Object> nullKey = new java.util.HashMap<>();
                    nullKey.put(null, 1);
                    new ToolCall("f", map("m", nullKey));
                }),
                reject("arguments must not contain cycles, got a cycle at 'a[0]'", () -> {
                    List<Object> cyclic = new ArrayList<>();
                    cyclic.add(cyclic);
                    new ToolCall("f", map("a", cyclic));
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void turnRejects(String expectedMessage, Executable action) {
        assertRejected(expectedMessage, action);
    }

    static Stream<Arguments> turnRejects() {
        return Stream.of(
                reject("turnNumber must be > 0, got 0", () -> Turn.builder(0, FinishReason.STOP)
                        .build()),
                reject("turnNumber must be > 0, got -3", () -> Turn.builder(-3, FinishReason.STOP)
                        .build()),
                reject(
                        "inputTokens must be >= 0, got -1",
                        () -> Turn.builder(1, FinishReason.STOP).inputTokens(-1).build()),
                reject("outputTokens must be >= 0, got -1", () -> Turn.builder(1, FinishReason.STOP)
                        .outputTokens(-1)
                        .build()),
                reject(
                        "cost must be >= 0.0, got -0.5",
                        () -> Turn.builder(1, FinishReason.STOP).cost(-0.5).build()),
                reject("cost must be finite, got NaN", () -> Turn.builder(1, FinishReason.STOP)
                        .cost(Double.NaN)
                        .build()),
                reject("cost must be finite, got Infinity", () -> Turn.builder(1, FinishReason.STOP)
                        .cost(Double.POSITIVE_INFINITY)
                        .build()),
                reject("toolCalls must not contain null", () -> Turn.builder(1, FinishReason.STOP)
                        .toolCalls(Arrays.asList(new ToolCall("f", Map.of()), null))
                        .build()),
                reject("finishReason must not be null", () -> Turn.builder(1, null)
                        .build()),
                reject(
                        "latencyMs must be >= 0, got -1.0",
                        () -> Turn.builder(1, FinishReason.STOP).latencyMs(-1.0).build()),
                reject("latencyMs must be finite, got NaN", () -> Turn.builder(1, FinishReason.STOP)
                        .latencyMs(Double.NaN)
                        .build()),
                reject("latencyMs must be finite, got -Infinity", () -> Turn.builder(1, FinishReason.STOP)
                        .latencyMs(Double.NEGATIVE_INFINITY)
                        .build()),
                reject(
                        "retryCount must be >= 0, got -1",
                        () -> Turn.builder(1, FinishReason.STOP).retryCount(-1).build()),
                reject("retryReason must not be blank", () -> Turn.builder(1, FinishReason.STOP)
                        .retryCount(1)
                        .retryReason(" ")
                        .build()),
                reject("retryReason set implies retryCount must be >= 1, got null", () -> Turn.builder(
                                1, FinishReason.STOP)
                        .retryReason("timeout")
                        .build()),
                reject("retryReason set implies retryCount must be >= 1, got 0", () -> Turn.builder(
                                1, FinishReason.STOP)
                        .retryReason("timeout")
                        .retryCount(0)
                        .build()),
                reject("extraNodeTypes must not contain null", () -> Turn.builder(1, FinishReason.STOP)
                        .extraNodeTypes(new HashSet<>(Arrays.asList(NodeType.QUALITY_CHECK, null)))
                        .build()),
                reject("behaviorTags must not contain null", () -> Turn.builder(1, FinishReason.STOP)
                        .behaviorTags(Arrays.asList(BehaviorTag.MEMORY, null))
                        .build()),
                reject("priorToolCallCount must be >= 0, got -1", () -> Turn.builder(1, FinishReason.STOP)
                        .priorToolCallCount(-1)
                        .build()),
                reject("toolResponseTokens must be >= 0, got -5", () -> Turn.builder(1, FinishReason.STOP)
                        .toolResponseTokens(-5)
                        .build()),
                reject("semanticDriftScore must be in [0.0, 1.0], got 1.5", () -> Turn.builder(1, FinishReason.STOP)
                        .semanticDriftScore(1.5)
                        .build()),
                reject("semanticDriftScore must be in [0.0, 1.0], got -0.1", () -> Turn.builder(1, FinishReason.STOP)
                        .semanticDriftScore(-0.1)
                        .build()),
                reject("semanticDriftScore must be finite, got NaN", () -> Turn.builder(1, FinishReason.STOP)
                        .semanticDriftScore(Double.NaN)
                        .build()),
                reject(
                        "endedAt must not be before startedAt, got 2026-03-01T10:00:00Z < 2026-03-01T10:00:01Z",
                        () -> Turn.builder(1, FinishReason.STOP)
                                .startedAt(LATER)
                                .endedAt(T0)
                                .build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void stepRejects(String expectedMessage, Executable action) {
        assertRejected(expectedMessage, action);
    }

    static Stream<Arguments> stepRejects() {
        return Stream.of(
                reject("stepIndex must be >= 0, got -1", () -> new Step(-1, List.of(), TerminationReason.COMPLETED)),
                reject(
                        "turns must have strictly increasing turnNumber, got 1 after 2",
                        () -> new Step(0, turns(2, 1), TerminationReason.COMPLETED)),
                reject(
                        "turns must have strictly increasing turnNumber, got 4 after 4",
                        () -> new Step(0, turns(3, 4, 4), TerminationReason.COMPLETED)),
                reject(
                        "turns must not contain null",
                        () -> new Step(0, Arrays.asList(turn(1), null), TerminationReason.COMPLETED)),
                reject("terminationReason must not be null", () -> new Step(0, List.of(), null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void runRejects(String expectedMessage, Executable action) {
        assertRejected(expectedMessage, action);
    }

    static Stream<Arguments> runRejects() {
        Stream<Arguments> fixed = Stream.of(
                reject("runId must not be blank", () -> Run.builder(" ", "a", "t", TerminationReason.COMPLETED)
                        .build()),
                reject("runId must not be blank", () -> Run.builder(null, "a", "t", TerminationReason.COMPLETED)
                        .build()),
                reject("agentId must not be blank", () -> Run.builder("r", "", "t", TerminationReason.COMPLETED)
                        .build()),
                reject("taskId must not be blank", () -> Run.builder("r", "a", "\n", TerminationReason.COMPLETED)
                        .build()),
                reject("terminationReason must not be null", () -> Run.builder("r", "a", "t", null)
                        .build()),
                reject(
                        "turns must not contain null",
                        () -> Fixtures.run().turns(Arrays.asList(turn(1), null)).build()),
                reject(
                        "turns must have strictly increasing turnNumber, got 3 after 3",
                        () -> Fixtures.run().turns(turns(1, 3, 3)).build()),
                reject(
                        "turns must have strictly increasing turnNumber, got 1 after 2",
                        () -> Fixtures.run().turns(turns(2, 1)).build()),
                reject("sourceSteps must not contain null", () -> Fixtures.run()
                        .sourceSteps(Arrays.asList((Step) null))
                        .build()),
                reject("sourceSteps[0].stepIndex must be 0, got 1", () -> Fixtures.run()
                        .turns(turns(1))
                        .sourceStep(new Step(1, turns(1), TerminationReason.COMPLETED))
                        .build()),
                reject("sourceSteps[1].stepIndex must be 1, got 2", () -> Fixtures.run()
                        .turns(turns(1, 2))
                        .sourceStep(new Step(0, turns(1), TerminationReason.COMPLETED))
                        .sourceStep(new Step(2, turns(2), TerminationReason.COMPLETED))
                        .build()),
                reject("sourceSteps must partition turns in order", () -> Fixtures.run()
                        .turns(turns(1, 2, 3))
                        .sourceStep(new Step(0, turns(1), TerminationReason.COMPLETED))
                        .sourceStep(new Step(1, turns(3), TerminationReason.COMPLETED))
                        .build()),
                reject("sourceSteps must partition turns in order", () -> Fixtures.run()
                        .turns(turns(1, 2))
                        .sourceStep(new Step(0, turns(1, 2), TerminationReason.COMPLETED))
                        .sourceStep(new Step(1, turns(3), TerminationReason.COMPLETED))
                        .build()),
                reject("sourceSteps must partition turns in order", () -> Fixtures.run()
                        .sourceStep(new Step(0, turns(1), TerminationReason.COMPLETED))
                        .build()),
                reject("errorMessage is required when terminationReason is error", () -> Run.builder(
                                "r", "a", "t", TerminationReason.ERROR)
                        .build()),
                reject("errorMessage is required when terminationReason is no_op", () -> Run.builder(
                                "r", "a", "t", TerminationReason.NO_OP)
                        .build()),
                reject("errorMessage must not be blank", () -> Run.builder("r", "a", "t", TerminationReason.ERROR)
                        .errorMessage("  ")
                        .build()),
                reject(
                        "errorMessage must be null when terminationReason is completed, got 'boom'",
                        () -> Fixtures.run().errorMessage("boom").build()),
                reject("errorMessage must be null when terminationReason is parked, got 'x'", () -> Run.builder(
                                "r", "a", "t", TerminationReason.PARKED)
                        .errorMessage("x")
                        .build()),
                reject(
                        "endedAt must not be before startedAt, got 2026-03-01T10:00:00Z < 2026-03-01T10:00:01Z",
                        () -> Fixtures.run().startedAt(LATER).endedAt(T0).build()),
                reject(
                        "systemPromptTokens must be >= 0, got -1",
                        () -> Fixtures.run().systemPromptTokens(-1).build()),
                reject(
                        "expectedSteps must be >= 0, got -1",
                        () -> Fixtures.run().expectedSteps(-1).build()),
                reject(
                        "metadata must hold JSON values only, got java.lang.Object at 'k'",
                        () -> Fixtures.run().metadata(map("k", new Object())).build()),
                reject("metadata must not contain non-finite numbers, got NaN at 'scores[0]'", () -> Fixtures.run()
                        .metadata(map("scores", list(Double.NaN)))
                        .build()));
        Stream<Arguments> everyOtherReason =
                EnumSet.complementOf(EnumSet.of(TerminationReason.ERROR, TerminationReason.NO_OP)).stream()
                        .map(reason -> reject(
                                "errorMessage must be null when terminationReason is " + reason.wireName()
                                        + ", got 'oops'",
                                () -> Run.builder("r", "a", "t", reason)
                                        .errorMessage("oops")
                                        .build()));
        return Stream.concat(fixed, everyOtherReason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void teamRunRejects(String expectedMessage, Executable action) {
        assertRejected(expectedMessage, action);
    }

    static Stream<Arguments> teamRunRejects() {
        List<Run> one = List.of(Fixtures.run().build());
        return Stream.of(
                reject("fromAgentId must not be blank", () -> new AgentMessage(" ", "b", null, null)),
                reject("fromAgentId must not be blank", () -> new AgentMessage(null, null, null, null)),
                reject("teamRunId must not be blank", () -> TeamRun.builder("", "t", one)
                        .build()),
                reject("taskId must not be blank", () -> TeamRun.builder("tr", null, one)
                        .build()),
                reject("agentRuns must not be empty", () -> TeamRun.builder("tr", "t", List.of())
                        .build()),
                reject("agentRuns must not be null", () -> TeamRun.builder("tr", "t", null)
                        .build()),
                reject("agentRuns must not contain null", () -> TeamRun.builder(
                                "tr", "t", Arrays.asList(Fixtures.run().build(), null))
                        .build()),
                reject(
                        "leadAgentId must not be blank",
                        () -> TeamRun.builder("tr", "t", one).leadAgentId(" ").build()),
                reject("messages must not contain null", () -> TeamRun.builder("tr", "t", one)
                        .messages(Arrays.asList(new AgentMessage("a", null, null, null), null))
                        .build()),
                reject(
                        "teamSize must be >= 1, got 0",
                        () -> TeamRun.builder("tr", "t", one).teamSize(0).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void candidateRejects(String expectedMessage, Executable action) {
        assertRejected(expectedMessage, action);
    }

    static Stream<Arguments> candidateRejects() {
        Run run = Fixtures.run().build();
        return Stream.of(
                reject("candidateIndex must be >= 0, got -1", () -> new Candidate(-1, run, null, 0)),
                reject("candidateIndex must be >= 0, got -1", () -> Candidate.of(-1, run, null)),
                reject("run must not be null", () -> new Candidate(0, null, null, 0)),
                reject("run must not be null", () -> Candidate.of(0, null, 50.0)),
                reject(
                        "verbalizedConfidence must be in [0.0, 100.0], got 100.5",
                        () -> new Candidate(0, run, 100.5, 0)),
                reject("verbalizedConfidence must be in [0.0, 100.0], got -1.0", () -> Candidate.of(0, run, -1.0)),
                reject("verbalizedConfidence must be finite, got NaN", () -> Candidate.of(0, run, Double.NaN)),
                reject("traceTokens must be >= 0, got -1", () -> new Candidate(0, run, null, -1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void signalsRejects(String expectedMessage, Executable action) {
        assertRejected(expectedMessage, action);
    }

    static Stream<Arguments> signalsRejects() {
        TurnRange range = new TurnRange(1, 1);
        return Stream.of(
                reject("turnRange start must be >= 1, got 0", () -> new TurnRange(0, 1)),
                reject("turnRange start must be >= 1, got -2", () -> new TurnRange(-2, 5)),
                reject("turnRange end (3) must be >= start (5)", () -> new TurnRange(5, 3)),
                reject("quality must not be null", () -> new StepQualitySignal(null, 0.5, "r", 0, range)),
                reject(
                        "confidence must be in [0.0, 1.0], got 1.5",
                        () -> new StepQualitySignal(StepQuality.CORRECT, 1.5, "r", 0, range)),
                reject(
                        "confidence must be in [0.0, 1.0], got -0.1",
                        () -> new StepQualitySignal(StepQuality.CORRECT, -0.1, "r", 0, range)),
                reject(
                        "confidence must be finite, got NaN",
                        () -> new StepQualitySignal(StepQuality.CORRECT, Double.NaN, "r", 0, range)),
                reject(
                        "reason must not be blank",
                        () -> new StepQualitySignal(StepQuality.CORRECT, 0.5, " ", 0, range)),
                reject(
                        "reason must not be blank",
                        () -> new StepQualitySignal(StepQuality.CORRECT, 0.5, null, 0, range)),
                reject(
                        "stepIndex must be >= 0, got -1",
                        () -> new StepQualitySignal(StepQuality.CORRECT, 0.5, "r", -1, range)),
                reject(
                        "turnRange must not be null",
                        () -> new StepQualitySignal(StepQuality.CORRECT, 0.5, "r", 0, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void stagnationResultRejects(String expectedMessage, Executable action) {
        assertRejected(expectedMessage, action);
    }

    static Stream<Arguments> stagnationResultRejects() {
        return Stream.of(
                reject("verdict must not be null", () -> new StagnationResult(null, null, null, 0.0, null, null)),
                reject(
                        "reason must be null when verdict is no_stagnation, got tool_repetition",
                        () -> new StagnationResult(
                                StagnationVerdict.NO_STAGNATION,
                                StagnationReason.TOOL_REPETITION,
                                null,
                                0.0,
                                null,
                                null)),
                reject(
                        "correctiveMessage is required when verdict is inject_prompt",
                        () -> new StagnationResult(
                                StagnationVerdict.INJECT_PROMPT,
                                StagnationReason.TOOL_REPETITION,
                                null,
                                0.5,
                                null,
                                null)),
                reject(
                        "correctiveMessage must not be blank",
                        () -> new StagnationResult(
                                StagnationVerdict.INJECT_PROMPT,
                                StagnationReason.TOOL_REPETITION,
                                " ",
                                0.5,
                                null,
                                null)),
                reject(
                        "correctiveMessage must be null when verdict is terminate",
                        () -> new StagnationResult(
                                StagnationVerdict.TERMINATE, StagnationReason.CYCLE_DETECTION, "x", 0.5, 2, null)),
                reject(
                        "correctiveMessage must be null when verdict is no_stagnation",
                        () -> new StagnationResult(StagnationVerdict.NO_STAGNATION, null, "x", 0.0, null, null)),
                reject(
                        "repetitionRatio must be in [0.0, 1.0], got 1.1",
                        () -> new StagnationResult(StagnationVerdict.NO_STAGNATION, null, null, 1.1, null, null)),
                reject("repetitionRatio must be in [0.0, 1.0], got -0.5", () -> StagnationResult.noStagnation(-0.5)),
                reject(
                        "repetitionRatio must be finite, got NaN",
                        () -> new StagnationResult(
                                StagnationVerdict.NO_STAGNATION, null, null, Double.NaN, null, null)),
                reject(
                        "cycleLength must be >= 2, got 1",
                        () -> new StagnationResult(
                                StagnationVerdict.TERMINATE, StagnationReason.CYCLE_DETECTION, null, 0.5, 1, null)),
                reject(
                        "details must hold JSON values only, got java.time.Instant at 'at'",
                        () -> new StagnationResult(
                                StagnationVerdict.NO_STAGNATION, null, null, 0.0, null, map("at", T0))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void escalationTicketRejects(String expectedMessage, Executable action) {
        assertRejected(expectedMessage, action);
    }

    static EscalationTicket.Builder ticket() {
        return EscalationTicket.builder(
                "r1", "a1", "t1", EscalationCause.STAGNATION, EscalationSeverity.HIGH, "evidence");
    }

    static Stream<Arguments> escalationTicketRejects() {
        return Stream.of(
                reject("id must not be blank", () -> ticket().id(" ").build()),
                reject(
                        "id must not be blank",
                        () -> new EscalationTicket(
                                null,
                                "r",
                                EscalationCause.TIMEOUT,
                                EscalationSeverity.LOW,
                                "e",
                                "a",
                                "t",
                                0,
                                0.0,
                                null,
                                null,
                                null)),
                reject("runId must not be blank", () -> EscalationTicket.builder(
                                "", "a", "t", EscalationCause.STAGNATION, EscalationSeverity.HIGH, "e")
                        .build()),
                reject("cause must not be null", () -> EscalationTicket.builder(
                                "r", "a", "t", null, EscalationSeverity.HIGH, "e")
                        .build()),
                reject("severity must not be null", () -> EscalationTicket.builder(
                                "r", "a", "t", EscalationCause.STAGNATION, null, "e")
                        .build()),
                reject("evidence must not be blank", () -> EscalationTicket.builder(
                                "r", "a", "t", EscalationCause.STAGNATION, EscalationSeverity.HIGH, " ")
                        .build()),
                reject("agentId must not be blank", () -> EscalationTicket.builder(
                                "r", null, "t", EscalationCause.STAGNATION, EscalationSeverity.HIGH, "e")
                        .build()),
                reject("taskId must not be blank", () -> EscalationTicket.builder(
                                "r", "a", "", EscalationCause.STAGNATION, EscalationSeverity.HIGH, "e")
                        .build()),
                reject("stepsSinceLastProgress must be >= 0, got -1", () -> ticket().stepsSinceLastProgress(-1)
                        .build()),
                reject("stallDurationSeconds must be >= 0.0, got -1.0", () -> ticket().stallDurationSeconds(-1.0)
                        .build()),
                reject("stallDurationSeconds must be finite, got NaN", () -> ticket().stallDurationSeconds(Double.NaN)
                        .build()),
                reject("qualitySignals must not contain null", () -> ticket().qualitySignals(
                                Arrays.asList(Fixtures.signal(StepQuality.INCORRECT), null))
                        .build()),
                reject(
                        "metadata must hold JSON values only, got dev.vigil.spi.model.EscalationSeverity at 'sev'",
                        () -> ticket().metadata(map("sev", EscalationSeverity.HIGH))
                                .build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void notificationRejects(String expectedMessage, Executable action) {
        assertRejected(expectedMessage, action);
    }

    static Notification.Builder note(String title) {
        return Notification.builder(NotificationCategory.HEALTH, NotificationSeverity.ERROR, title, "vigil.test");
    }

    static Stream<Arguments> notificationRejects() {
        return Stream.of(
                reject("id must not be blank", () -> note("t").id("").build()),
                reject("category must not be null", () -> Notification.builder(
                                null, NotificationSeverity.INFO, "t", "s")
                        .build()),
                reject("severity must not be null", () -> Notification.builder(
                                NotificationCategory.SYSTEM, null, "t", "s")
                        .build()),
                reject("title must not be blank", () -> note(" ").build()),
                reject("title must not be blank", () -> note(null).build()),
                reject("title must be a single line, got 'a\nb'", () -> note("a\nb")
                        .build()),
                reject("title must be a single line, got 'a\rb'", () -> note("a\rb")
                        .build()),
                reject("body must not be null", () -> note("t").body(null).build()),
                reject("source must not be blank", () -> Notification.builder(
                                NotificationCategory.SYSTEM, NotificationSeverity.INFO, "t", "")
                        .build()),
                reject(
                        "metadata must hold JSON values only, got java.time.Instant at 'when'",
                        () -> note("t").metadata(map("when", T0)).build()));
    }
}
