package dev.vigil.app.ingest;

import dev.vigil.spi.model.AgentMessage;
import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.TeamRun;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.ToolCall;
import dev.vigil.spi.model.Turn;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns the spans of one trace into a run per agent (a team run when several agents appear). Spans are reassembled by
 * parent id and ordered by start time, whatever order they arrived in. Shared by the OTLP and Langfuse formats.
 *
 * <p>Mapping: an LLM span is a turn; a tool span is a tool call of the turn that requested it (matched by call id),
 * else of the LLM span above it, else of the turn that started last before it; a failed tool span makes its turn end
 * with finish reason ERROR. A span belongs to the nearest agent named on it or above it.
 */
final class OtlpTraceAssembler {

    private final String source;
    private final String spanWord;
    private final Consumer<InputProblem> problems;

    /**
     * @param source the format name kept in run metadata, e.g. {@code otlp}
     * @param spanWord what the source calls a span in step origins, e.g. {@code span} or {@code observation}
     * @param problems where rejected spans and traces are reported
     */
    OtlpTraceAssembler(String source, String spanWord, Consumer<InputProblem> problems) {
        this.source = source;
        this.spanWord = spanWord;
        this.problems = problems;
    }

    /**
     * The record for one trace, or empty when it has nothing to analyse (reported).
     *
     * @param traceId the trace id, used as run and task id
     * @param arrived the trace's spans in the order they were read
     * @param origin where the trace starts in its source
     * @param fallbackAgent the agent for spans with no agent named above them (null: the service name, else "agent")
     * @param extraMetadata added to every run's metadata
     */
    Optional<TraceRecord> assemble(
            String traceId,
            List<OtlpSpan> arrived,
            String origin,
            String fallbackAgent,
            Map<String, Object> extraMetadata) {
        Map<String, OtlpSpan> byId = new HashMap<>();
        List<OtlpSpan> spans = new ArrayList<>();
        for (OtlpSpan span : arrived) {
            if (byId.putIfAbsent(span.spanId(), span) == null) {
                spans.add(span);
            } else {
                problems.accept(new InputProblem(
                        span.location(),
                        span.fieldOf("spanId"),
                        "duplicate " + spanWord + " id " + span.spanId() + " in trace " + traceId
                                + "; the first copy is kept"));
            }
        }
        // Stable sort: spans that start at the same instant keep their input order (D13).
        spans.sort(Comparator.comparing(OtlpSpan::start));
        Tree tree = new Tree(byId, fallbackAgent);

        Map<String, AgentSpans> agents = new LinkedHashMap<>();
        List<AgentMessage> messages = new ArrayList<>();
        for (OtlpSpan span : spans) {
            OtlpSpan.Role role = tree.role(span);
            if (role == OtlpSpan.Role.OTHER) {
                continue;
            }
            String agent = tree.owner(span);
            AgentSpans group = agents.computeIfAbsent(agent, a -> new AgentSpans());
            switch (role) {
                case LLM -> group.llm.add(span);
                case TOOL -> group.tools.add(span);
                default -> {
                    group.agentSpans.add(span);
                    OtlpSpan parent = tree.parent(span);
                    String caller = parent == null ? null : tree.owner(parent);
                    if (caller != null && !caller.equals(agent)) {
                        messages.add(new AgentMessage(caller, agent, span.start(), "invoke_agent"));
                    }
                }
            }
        }
        if (agents.isEmpty()) {
            problems.accept(new InputProblem(
                    origin, "trace " + traceId, "has no LLM call, tool or agent " + spanWord + "; nothing to analyse"));
            return Optional.empty();
        }
        try {
            boolean team = agents.size() > 1;
            List<Run> runs = new ArrayList<>();
            List<List<String>> stepOrigins = new ArrayList<>();
            for (Map.Entry<String, AgentSpans> entry : agents.entrySet()) {
                List<String> runOrigins = new ArrayList<>();
                String runId = team ? traceId + "/" + entry.getKey() : traceId;
                runs.add(buildRun(
                        runId,
                        traceId,
                        entry.getKey(),
                        entry.getValue(),
                        tree,
                        team,
                        origin,
                        runOrigins,
                        extraMetadata));
                stepOrigins.add(runOrigins);
            }
            if (!team) {
                return Optional.of(new TraceRecord.SingleRun(runs.get(0), null, stepOrigins.get(0), origin));
            }
            // A delegation counts as a message only between agents that ran (not from a span with no agent above it).
            messages.removeIf(m -> !agents.containsKey(m.fromAgentId()));
            TeamRun teamRun = TeamRun.builder(traceId, traceId, runs)
                    .messages(messages.isEmpty() ? null : messages)
                    .build();
            return Optional.of(new TraceRecord.Team(teamRun, origin));
        } catch (IllegalArgumentException e) {
            // The data model's own validation; the spans were checked one by one, so this is a trace-level clash.
            problems.accept(new InputProblem(origin, "trace " + traceId, String.valueOf(e.getMessage())));
            return Optional.empty();
        }
    }

    private Run buildRun(
            String runId,
            String traceId,
            String agent,
            AgentSpans spans,
            Tree tree,
            boolean team,
            String origin,
            List<String> stepOrigins,
            Map<String, Object> extraMetadata) {
        List<TurnDraft> drafts = new ArrayList<>();
        Map<String, TurnDraft> bySpanId = new HashMap<>();
        for (OtlpSpan span : spans.llm) {
            try {
                TurnDraft draft = new TurnDraft(
                        span,
                        OtlpSemantics.requestedCalls(span),
                        OtlpSemantics.inputTokens(span),
                        OtlpSemantics.outputTokens(span),
                        OtlpSemantics.cost(span));
                drafts.add(draft);
                bySpanId.put(span.spanId(), draft);
            } catch (FieldException e) {
                reject(span, e.field(), e.getMessage());
            }
        }
        attachTools(agent, traceId, spans.tools, drafts, bySpanId, tree);

        List<Turn> turns = new ArrayList<>();
        List<String> models = new ArrayList<>();
        int priorToolCalls = 0;
        for (TurnDraft draft : drafts) {
            Turn turn = draft.toTurn(turns.size() + 1, priorToolCalls);
            priorToolCalls += turn.toolCalls().size();
            turns.add(turn);
            stepOrigins.add(draft.span.location() + " " + spanWord + " " + draft.span.spanId());
            for (String model : OtlpSemantics.models(draft.span)) {
                if (!models.contains(model)) {
                    models.add(model);
                }
            }
        }
        if (turns.isEmpty()) {
            // One empty step (F1): point it at the agent's first span.
            OtlpSpan first = !spans.agentSpans.isEmpty() ? spans.agentSpans.get(0) : null;
            stepOrigins.add(first == null ? origin : first.location() + " " + spanWord + " " + first.spanId());
        }

        OtlpSpan failed = null;
        for (OtlpSpan agentSpan : spans.agentSpans) {
            if (OtlpSemantics.failed(agentSpan)) {
                failed = agentSpan;
                break;
            }
        }
        if (failed == null && !drafts.isEmpty() && OtlpSemantics.failed(drafts.get(drafts.size() - 1).span)) {
            failed = drafts.get(drafts.size() - 1).span;
        }
        TerminationReason reason = failed == null ? TerminationReason.COMPLETED : TerminationReason.ERROR;

        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("source", source);
        metadata.put("trace_id", traceId);
        String service = spans.serviceName();
        if (service != null) {
            metadata.put("service_name", service);
        }
        if (!models.isEmpty()) {
            metadata.put("models", models);
        }
        metadata.putAll(extraMetadata);
        if (team) {
            // TraceRecord.Team carries no step origins, so each agent run keeps its own here.
            metadata.put("step_origins", List.copyOf(stepOrigins));
        }
        return Run.builder(runId, agent, traceId, reason)
                .turns(turns)
                .errorMessage(failed == null ? null : OtlpSemantics.errorMessage(failed))
                .errorType(failed == null ? null : OtlpSemantics.errorType(failed))
                .startedAt(spans.start())
                .endedAt(spans.end())
                .finalOutput(drafts.isEmpty() ? null : OtlpSemantics.outputText(drafts.get(drafts.size() - 1).span))
                .metadata(metadata)
                .build();
    }

    /** Gives each tool span to a turn: by call id, then the LLM span above it, then the turn started last before it. */
    private void attachTools(
            String agent,
            String traceId,
            List<OtlpSpan> tools,
            List<TurnDraft> drafts,
            Map<String, TurnDraft> bySpanId,
            Tree tree) {
        Map<String, TurnDraft> byCallId = new HashMap<>();
        for (TurnDraft draft : drafts) {
            for (OtlpSemantics.RequestedCall call : draft.requested) {
                if (call.id() != null) {
                    byCallId.putIfAbsent(call.id(), draft);
                }
            }
        }
        for (OtlpSpan tool : tools) {
            String callId = OtlpSemantics.toolCallId(tool);
            TurnDraft target = callId == null ? null : byCallId.get(callId);
            if (target == null) {
                target = tree.llmAncestor(tool, bySpanId);
            }
            if (target == null) {
                for (TurnDraft draft : drafts) {
                    if (!draft.span.start().isAfter(tool.start())) {
                        target = draft;
                    }
                }
            }
            if (target == null && !drafts.isEmpty()) {
                target = drafts.get(0); // a tool run before the agent's first LLM call
            }
            if (target == null) {
                reject(
                        tool,
                        "span",
                        "tool " + spanWord + " of agent '" + agent + "' in trace " + traceId
                                + " has no LLM call to attach to; skipped");
                continue;
            }
            target.tools.add(tool);
        }
    }

    private void reject(OtlpSpan span, String field, String problem) {
        problems.accept(new InputProblem(span.location(), span.fieldOf(field), problem));
    }

    /** An LLM span on its way to becoming a turn. */
    private static final class TurnDraft {
        final OtlpSpan span;
        final List<OtlpSemantics.RequestedCall> requested;
        final long inputTokens;
        final long outputTokens;
        final double cost;
        final List<OtlpSpan> tools = new ArrayList<>();

        TurnDraft(
                OtlpSpan span,
                List<OtlpSemantics.RequestedCall> requested,
                long inputTokens,
                long outputTokens,
                double cost) {
            this.span = span;
            this.requested = requested;
            this.inputTokens = inputTokens;
            this.outputTokens = outputTokens;
            this.cost = cost;
        }

        Turn toTurn(int turnNumber, int priorToolCalls) {
            List<ToolCall> calls = new ArrayList<>();
            List<OtlpSpan> unmatched = new ArrayList<>(tools);
            for (OtlpSemantics.RequestedCall call : requested) {
                OtlpSpan executed = executedBy(call, unmatched);
                if (executed != null) {
                    unmatched.remove(executed);
                    calls.add(OtlpSemantics.toolSpanCall(executed, call));
                } else {
                    calls.add(OtlpSemantics.toolCall(call.name(), call.arguments(), call.id()));
                }
            }
            for (OtlpSpan tool : unmatched) {
                calls.add(OtlpSemantics.toolSpanCall(tool, null));
            }
            boolean toolError = tools.stream().anyMatch(OtlpSemantics::failed);
            FinishReason stated = OtlpSemantics.statedFinishReason(span);
            FinishReason finish;
            if (OtlpSemantics.failed(span) || toolError) {
                finish = FinishReason.ERROR;
            } else if (stated != null) {
                finish = stated;
            } else {
                finish = calls.isEmpty() ? FinishReason.STOP : FinishReason.TOOL_USE;
            }
            Turn.Builder turn = Turn.builder(turnNumber, finish)
                    .inputTokens(inputTokens)
                    .outputTokens(outputTokens)
                    .cost(cost)
                    .toolCalls(calls)
                    .priorToolCallCount(priorToolCalls)
                    .startedAt(span.start())
                    .endedAt(span.end());
            if (span.end() != null) {
                turn.latencyMs(Duration.between(span.start(), span.end()).toNanos() / 1_000_000.0);
            }
            return turn.build();
        }

        /** The tool span that executed {@code call}: same call id, else the first with the same name and no id clash. */
        private static OtlpSpan executedBy(OtlpSemantics.RequestedCall call, List<OtlpSpan> candidates) {
            if (call.id() != null) {
                for (OtlpSpan tool : candidates) {
                    if (call.id().equals(OtlpSemantics.toolCallId(tool))) {
                        return tool;
                    }
                }
            }
            for (OtlpSpan tool : candidates) {
                String toolId = OtlpSemantics.toolCallId(tool);
                boolean idsAgree = toolId == null || call.id() == null;
                if (idsAgree && OtlpSemantics.toolSpanCall(tool, null).name().equals(call.name())) {
                    return tool;
                }
            }
            return null;
        }
    }

    /** The spans one agent owns, each list in start order. */
    private static final class AgentSpans {
        final List<OtlpSpan> llm = new ArrayList<>();
        final List<OtlpSpan> tools = new ArrayList<>();
        final List<OtlpSpan> agentSpans = new ArrayList<>();

        private List<OtlpSpan> all() {
            List<OtlpSpan> all = new ArrayList<>(agentSpans);
            all.addAll(llm);
            all.addAll(tools);
            return all;
        }

        Instant start() {
            return all().stream()
                    .map(OtlpSpan::start)
                    .min(Comparator.naturalOrder())
                    .orElse(null);
        }

        Instant end() {
            return all().stream()
                    .map(OtlpSpan::end)
                    .filter(e -> e != null)
                    .max(Comparator.naturalOrder())
                    .orElse(null);
        }

        String serviceName() {
            return all().stream()
                    .map(OtlpSpan::serviceName)
                    .filter(s -> s != null)
                    .findFirst()
                    .orElse(null);
        }
    }

    /** The span tree of one trace: parents by id, roles, and each span's agent. */
    private static final class Tree {
        private final Map<String, OtlpSpan> byId;
        private final String fallbackAgent;
        private final Map<String, OtlpSpan.Role> roles = new HashMap<>();

        Tree(Map<String, OtlpSpan> byId, String fallbackAgent) {
            this.byId = byId;
            this.fallbackAgent = fallbackAgent;
        }

        OtlpSpan.Role role(OtlpSpan span) {
            return roles.computeIfAbsent(span.spanId(), id -> OtlpSemantics.role(span));
        }

        OtlpSpan parent(OtlpSpan span) {
            return span.parentSpanId() == null ? null : byId.get(span.parentSpanId());
        }

        /** The nearest agent named on the span or above it; the fallback when none is (cycles are cut). */
        String owner(OtlpSpan span) {
            Set<String> seen = new HashSet<>();
            for (OtlpSpan current = span; current != null && seen.add(current.spanId()); current = parent(current)) {
                String agent = OtlpSemantics.agentName(current, role(current));
                if (agent != null) {
                    return agent;
                }
            }
            if (fallbackAgent != null) {
                return fallbackAgent;
            }
            return span.serviceName() != null && !span.serviceName().isBlank() ? span.serviceName() : "agent";
        }

        /** The turn of the nearest LLM span above {@code span}, or null. */
        TurnDraft llmAncestor(OtlpSpan span, Map<String, TurnDraft> drafts) {
            Set<String> seen = new HashSet<>();
            seen.add(span.spanId());
            for (OtlpSpan current = parent(span);
                    current != null && seen.add(current.spanId());
                    current = parent(current)) {
                TurnDraft draft = drafts.get(current.spanId());
                if (draft != null) {
                    return draft;
                }
            }
            return null;
        }
    }
}
