package dev.vigil.app.cli;

import dev.vigil.app.route.RoutingInputs;
import dev.vigil.app.settings.ResolvedSettings;
import dev.vigil.routing.AgentIdentity;
import dev.vigil.routing.AgentTaskScorer;
import dev.vigil.routing.DecompositionPlan;
import dev.vigil.routing.RoutingCandidate;
import dev.vigil.routing.RoutingDecision;
import dev.vigil.routing.RoutingResult;
import dev.vigil.routing.RoutingScorerConfig;
import dev.vigil.routing.ScoreBreakdown;
import dev.vigil.routing.Subtask;
import dev.vigil.routing.TaskRoutingService;
import dev.vigil.routing.matcher.AgentModelSpec;
import dev.vigil.routing.matcher.ModelMatch;
import dev.vigil.routing.matcher.ModelMatcher;
import dev.vigil.routing.matcher.ModelMatcherConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil route}: who takes which subtask, and which model serves whom. */
@Command(
        name = "route",
        mixinStandardHelpOptions = true,
        description = "Score agents against a decomposition plan and match models to agents, with score breakdowns.",
        footer = {
            "",
            "Examples:",
            "  vigil route --agents examples/routing/agents.yaml --plan examples/routing/plan.yaml",
            "  vigil route --agents agents.yaml --plan plan.yaml --set engine.routing.min_score=0.3"
        })
final class RouteCommand implements Callable<Integer> {

    @Option(
            names = "--agents",
            required = true,
            paramLabel = "FILE",
            description = "Agents (and model providers), YAML.")
    Path agentsFile;

    @Option(names = "--plan", required = true, paramLabel = "FILE", description = "The decomposition plan, YAML.")
    Path planFile;

    @Mixin
    ConfigOptions config;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ResolvedSettings settings = config.resolve();
        RoutingInputs.Agents agents;
        DecompositionPlan plan;
        try {
            agents = RoutingInputs.readAgents(agentsFile);
            plan = RoutingInputs.readPlan(planFile);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("vigil route: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        List<AgentIdentity> identities =
                agents.agents().stream().map(RoutingInputs.AgentEntry::agent).toList();
        TaskRoutingService service = new TaskRoutingService(new AgentTaskScorer(RoutingScorerConfig.from(settings)));
        RoutingResult result = service.route(plan, identities);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                Locale.ROOT,
                "ROUTING %s  %d subtask(s), %d agent(s)%n",
                plan.parentTaskId(),
                plan.subtasks().size(),
                identities.size());
        for (Subtask subtask : plan.subtasks()) {
            RoutingDecision decision = result.decisionFor(subtask.id()).orElse(null);
            if (decision == null) {
                out.printf(Locale.ROOT, "  %-16s UNROUTABLE: no agent reaches the minimum score%n", subtask.id());
                for (RoutingCandidate candidate :
                        service.rank(subtask, identities).stream().limit(3).toList()) {
                    out.printf(Locale.ROOT, "      best tried: %s%n", describe(candidate));
                }
                continue;
            }
            out.printf(Locale.ROOT, "  %-16s -> %s%n", subtask.id(), describe(decision.selected()));
            for (RoutingCandidate runnerUp :
                    decision.alternatives().stream().limit(3).toList()) {
                out.printf(Locale.ROOT, "      runner-up: %s%n", describe(runnerUp));
            }
        }
        List<AgentModelSpec> specs = new ArrayList<>();
        List<AgentIdentity> withModels = new ArrayList<>();
        for (RoutingInputs.AgentEntry entry : agents.agents()) {
            if (entry.model() != null) {
                specs.add(entry.model());
                withModels.add(entry.agent());
            }
        }
        if (!specs.isEmpty() && !agents.providers().isEmpty()) {
            out.println("MODELS");
            List<ModelMatch> matches =
                    new ModelMatcher(ModelMatcherConfig.from(settings)).matchAllAgents(specs, agents.providers());
            for (ModelMatch match : matches) {
                AgentIdentity agent = withModels.get(match.agentIndex());
                out.printf(
                        Locale.ROOT,
                        "  %-16s -> %s/%s (%s, score %.3f%s)%n",
                        agent.id(),
                        match.providerName(),
                        match.modelId(),
                        match.tier() == null ? "-" : match.tier().wireName(),
                        match.score(),
                        match.score() == 0.0 ? ", fallback: no model met every preference" : "");
            }
        }
        out.flush();
        return result.unroutable().isEmpty() ? ExitCodes.CLEAN : ExitCodes.TICKETS;
    }

    private static String describe(RoutingCandidate candidate) {
        ScoreBreakdown b = candidate.breakdown() == null ? ScoreBreakdown.ZERO : candidate.breakdown();
        return String.format(
                Locale.ROOT,
                "%s %s (score %.2f = primary %.2f + secondary %.2f + tag %.2f + role %.2f + seniority %.2f%s)%s",
                candidate.agent().id(),
                candidate.agent().name(),
                candidate.score(),
                b.primarySkill(),
                b.secondarySkill(),
                b.tagMatch(),
                b.roleMatch(),
                b.seniorityAlignment(),
                b.uncappedTotal() > candidate.score() ? ", capped" : "",
                candidate.matchedSkills().isEmpty() ? "" : " matched " + String.join(",", candidate.matchedSkills()));
    }
}
