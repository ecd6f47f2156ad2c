package dev.vigil.trajectory;

import dev.vigil.spi.model.Complexity;
import dev.vigil.spi.settings.Constraint;
import dev.vigil.spi.settings.Reload;
import dev.vigil.spi.settings.Setting;
import java.util.List;

/**
 * Every setting of {@code trajectory-core} (settings.md §4), plus the best-of-K deadline that issue 6 adds and the
 * selection settings of issue 12 ({@link SelectionConfig}). The
 * assembly resolves them and builds {@link TrajectoryConfig} and {@link PteConfig} with their {@code from} methods;
 * {@code engine.trajectory.baselines_path} belongs to the assembly, which loads the file into
 * {@link IdealTrajectoryBaselines}.
 */
public final class TrajectorySettings {

    /** Best-of-K sampling is opt-in. */
    public static final Setting<Boolean> ENABLED =
            Setting.ofBool("engine.trajectory.enabled", false, Reload.LIVE, "Best-of-K sampling is opt-in.");

    /** How many trajectories a gated task samples. */
    public static final Setting<Integer> K_CANDIDATES = Setting.ofInt(
            "engine.trajectory.k_candidates",
            2,
            Constraint.intBetween(2, 5),
            Reload.LIVE,
            "Candidates per gated task.");

    /** The task complexities that are worth K samples. */
    public static final Setting<List<Complexity>> COMPLEXITY_GATE = Setting.ofEnumList(
            "engine.trajectory.complexity_gate",
            Complexity.class,
            List.of(Complexity.COMPLEX, Complexity.EPIC),
            Reload.LIVE,
            "Only costly tasks are worth K samples.");

    /** The share of the remaining budget held back before K candidates are paid for. */
    public static final Setting<Double> BUDGET_GUARD_MARGIN = Setting.ofDouble(
            "engine.trajectory.budget_guard_margin",
            0.2,
            Constraint.between(0.0, 1.0),
            Reload.LIVE,
            "The share of the remaining budget held back before K candidates are paid for.");

    /** PTE: input-cost inflation per prior tool call. */
    public static final Setting<Double> PTE_EVICTION_PENALTY = Setting.ofDouble(
            "engine.trajectory.pte.eviction_penalty",
            0.3,
            Constraint.between(0.0, 1.0),
            Reload.LIVE,
            "PTE: input cost inflation per prior tool call (cache eviction).");

    /** PTE: weight of tool-response tokens. */
    public static final Setting<Double> PTE_TOOL_INFLATION_FACTOR = Setting.ofDouble(
            "engine.trajectory.pte.tool_inflation_factor",
            1.5,
            Constraint.between(1.0, 5.0),
            Reload.LIVE,
            "PTE: weight of tool-response tokens.");

    /**
     * Issue 6 (Vigil addition, not in settings.md §4): wall-clock limit for the live best-of-K executor, so that one
     * hung sampler cannot hold the selection forever.
     */
    public static final Setting<Double> BEST_OF_K_DEADLINE_SECONDS = Setting.ofDouble(
            "engine.trajectory.best_of_k_deadline_seconds",
            300.0,
            Constraint.greaterThan(0.0),
            Reload.LIVE,
            "Issue 6: one hung sampler cannot hold the best-of-K selection forever; candidates still running at the"
                    + " deadline are cancelled and dropped.");

    /** What a best-of-K candidate votes with for self-consistency. */
    public static final Setting<VoteScope> SELECTION_VOTE_SCOPE = Setting.ofEnum(
            "engine.trajectory.selection.vote_scope",
            VoteScope.class,
            VoteScope.STATE_CHANGING,
            Reload.LIVE,
            "Issue 12. What candidates vote with: the last turn's tool calls (the seed's rule), the run's"
                    + " state-changing tool calls (what it did to the world), or its final answer. The last turn of a"
                    + " chat agent is usually a text reply, so the seed's vote rarely separates anything.");

    /** Tool-name patterns of read-only tools, left out of the state-changing vote. */
    public static final Setting<String> SELECTION_READ_ONLY_TOOLS = Setting.ofString(
            "engine.trajectory.selection.read_only_tools",
            "get_*,search,search_*,list_*,find_*,calculate,think",
            Reload.LIVE,
            "Issue 12. Comma-separated tool-name patterns ('*' matches any characters) of tools that only read; their"
                    + " calls do not change the world and stay out of the state-changing vote. The defaults cover"
                    + " τ-bench's readers (get_*, search_*, list_*, calculate, think) and a plain search tool.");

    /** How the consistent candidates are ranked. */
    public static final Setting<CandidateRanking> SELECTION_RANKING = Setting.ofEnum(
            "engine.trajectory.selection.ranking",
            CandidateRanking.class,
            CandidateRanking.AGREEMENT,
            Reload.LIVE,
            "Issue 12. joint_score is the seed's rule (confidence and length); agreement picks the candidate whose"
                    + " actions agree most with the others' (minimum Bayes risk), then the joint score.");

    /** Whether trace length is estimated from the text when token counts are missing. */
    public static final Setting<Boolean> SELECTION_ESTIMATE_MISSING_TOKENS = Setting.ofBool(
            "engine.trajectory.selection.estimate_missing_tokens",
            true,
            Reload.LIVE,
            "Issue 12. Recorded candidates often carry no token counts, which leaves every length score at 0 and the"
                    + " selection at the first candidate; the estimate restores the length signal.");

    /** Characters per token of the trace-length estimate. */
    public static final Setting<Double> SELECTION_CHARS_PER_TOKEN = Setting.ofDouble(
            "engine.trajectory.selection.chars_per_token",
            4.0,
            Constraint.greaterThan(0.0),
            Reload.LIVE,
            "Issue 12. About 4 characters per token for English text with OpenAI-style BPE tokenizers; only ratios"
                    + " between candidates of one task matter.");

    private static final List<Setting<?>> ALL = List.of(
            ENABLED,
            K_CANDIDATES,
            COMPLEXITY_GATE,
            BUDGET_GUARD_MARGIN,
            PTE_EVICTION_PENALTY,
            PTE_TOOL_INFLATION_FACTOR,
            BEST_OF_K_DEADLINE_SECONDS,
            SELECTION_VOTE_SCOPE,
            SELECTION_READ_ONLY_TOOLS,
            SELECTION_RANKING,
            SELECTION_ESTIMATE_MISSING_TOKENS,
            SELECTION_CHARS_PER_TOKEN);

    private TrajectorySettings() {}

    /**
     * Every setting of this module, in settings.md §4 order, followed by the issue-6 deadline and the issue-12
     * selection settings.
     */
    public static List<Setting<?>> all() {
        return ALL;
    }
}
