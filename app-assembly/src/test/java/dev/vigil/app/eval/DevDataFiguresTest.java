package dev.vigil.app.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.inject.Injector;
import dev.vigil.app.analysis.RunAnalyzer;
import dev.vigil.app.ingest.TraceFormats;
import dev.vigil.app.plugins.LoadedPlugins;
import dev.vigil.app.plugins.PluginLoader;
import dev.vigil.app.settings.ResolvedSettings;
import dev.vigil.app.settings.SettingsCatalog;
import dev.vigil.app.settings.SettingsResolver;
import dev.vigil.app.wiring.VigilAssembly;
import dev.vigil.health.notify.NotificationDispatcher;
import dev.vigil.quality.GuardedStepClassifier;
import dev.vigil.trajectory.SelectionConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's figures on the development data, computed through the same wiring as {@code vigil eval} and written to
 * {@code target/eval-figures.txt}. The step rows switch the grounded classifier's rules on one at a time, so the gain
 * of each rule (and any overfitting) is visible; the selection rows do the same for the selection settings. The
 * defaults must meet the targets: StepAcc ≥ 77 %, FirstErrAcc ≥ 70 %, selection success clearly above pass@1.
 */
class DevDataFiguresTest {

    static final Path TRACES = Path.of("..", "..", "shared", "traces");
    static final Path APB = TRACES.resolve("agentprocessbench-hotpotqa-dev-10queries.jsonl");
    static final Path TAU = TRACES.resolve("taubench-gpt4o-airline-12tasks-x4trials.json");
    static final Path FIGURES = Path.of("target", "eval-figures.txt");

    /** Every grounded rule off: stagnation and errors only, every other step CORRECT. */
    static final List<String> GROUNDED_BARE = List.of(
            "engine.classifier.name=grounded",
            "plugins.grounded.tool_markup=",
            "plugins.grounded.min_result_novelty=0",
            "plugins.grounded.answer_after_stall=false",
            "plugins.grounded.abstention_phrases=");

    static final StringBuilder REPORT = new StringBuilder();
    static LoadedPlugins plugins;

    @BeforeAll
    static void load() {
        assumeTrue(Files.isReadable(APB) && Files.isReadable(TAU), "dev traces not found under " + TRACES);
        plugins = new PluginLoader(5.0).load(Path.of("target", "no-plugins-here"));
    }

    @AfterAll
    static void write() throws IOException {
        if (REPORT.length() > 0) {
            Files.createDirectories(FIGURES.getParent());
            Files.writeString(FIGURES, REPORT.toString(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void stepFiguresRuleByRule() throws IOException {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"rule_based (the seed's classifier)", "engine.classifier.name=rule_based"});
        rows.add(row("grounded, every rule off (errors only; all else CORRECT)", GROUNDED_BARE));
        rows.add(row("+ unexecuted tool call", without(GROUNDED_BARE, "plugins.grounded.tool_markup=")));
        rows.add(row(
                "+ unhelpful tool step / stall",
                without(GROUNDED_BARE, "plugins.grounded.tool_markup=", "plugins.grounded.min_result_novelty=0")));
        rows.add(row(
                "+ answer after a stall",
                List.of("engine.classifier.name=grounded", "plugins.grounded.abstention_phrases=")));
        rows.add(new String[] {"+ abstention = grounded defaults", "engine.classifier.name=grounded"});
        rows.add(new String[] {
            "  alternative: + premature answer (min_evidence_steps=1)",
            "engine.classifier.name=grounded",
            "plugins.grounded.min_evidence_steps=1"
        });
        rows.add(new String[] {
            "  alternative: + lexical grounding (support 0.5)",
            "engine.classifier.name=grounded",
            "plugins.grounded.grounding_min_support=0.5"
        });
        rows.add(new String[] {
            "  alternative: + lexical grounding (support 0.2)",
            "engine.classifier.name=grounded",
            "plugins.grounded.grounding_min_support=0.2"
        });
        rows.add(new String[] {
            "  sensitivity: min_result_novelty 0.3",
            "engine.classifier.name=grounded",
            "plugins.grounded.min_result_novelty=0.3"
        });
        rows.add(new String[] {
            "  sensitivity: min_result_novelty 0.7",
            "engine.classifier.name=grounded",
            "plugins.grounded.min_result_novelty=0.7"
        });
        rows.add(new String[] {
            "  sensitivity: novelty_shingle_words 3",
            "engine.classifier.name=grounded",
            "plugins.grounded.novelty_shingle_words=3"
        });
        rows.add(new String[] {
            "  sensitivity: novelty_shingle_words 8",
            "engine.classifier.name=grounded",
            "plugins.grounded.novelty_shingle_words=8"
        });
        rows.add(new String[] {
            "  sensitivity: stall_tolerance 0", "engine.classifier.name=grounded", "plugins.grounded.stall_tolerance=0"
        });
        rows.add(new String[] {
            "  sensitivity: stall_tolerance 2", "engine.classifier.name=grounded", "plugins.grounded.stall_tolerance=2"
        });
        rows.add(new String[] {"configured default (no --set)"});

        REPORT.append("vigil eval steps on ")
                .append(APB.getFileName())
                .append("\n\n")
                .append(String.format(Locale.ROOT, "  %-58s %8s %12s%n", "", "StepAcc", "FirstErrAcc"));
        StepEvaluation defaults = null;
        for (String[] row : rows) {
            StepEvaluation evaluation = steps(Arrays.copyOfRange(row, 1, row.length));
            REPORT.append(String.format(
                    Locale.ROOT,
                    "  %-58s %8s %12s%n",
                    row[0],
                    EvalReports.percent(evaluation.scores().stepAccuracy()),
                    EvalReports.percent(evaluation.scores().firstErrorAccuracy())));
            defaults = evaluation;
        }
        REPORT.append(String.format(
                Locale.ROOT,
                "  %-58s %8s %12s%n%n",
                "baseline: all CORRECT (never an error)",
                EvalReports.percent(defaults.allCorrect().stepAccuracy()),
                EvalReports.percent(defaults.allCorrect().firstErrorAccuracy())));

        assertEquals(127, defaults.scores().labelledSteps());
        assertEquals(0.724, defaults.allCorrect().stepAccuracy(), 0.0005);
        assertTrue(
                defaults.scores().stepAccuracy() >= 0.77,
                "StepAcc target 77 %, got " + defaults.scores().stepAccuracy());
        assertTrue(
                defaults.scores().firstErrorAccuracy() >= 0.70,
                "FirstErrAcc target 70 %, got " + defaults.scores().firstErrorAccuracy());
    }

    @Test
    void selectionFiguresSettingBySetting() throws IOException {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {
            "seed: last-turn vote, joint score, no estimate",
            "engine.trajectory.selection.vote_scope=last_turn",
            "engine.trajectory.selection.ranking=joint_score",
            "engine.trajectory.selection.estimate_missing_tokens=false"
        });
        rows.add(new String[] {
            "+ trace length estimated from the text",
            "engine.trajectory.selection.vote_scope=last_turn",
            "engine.trajectory.selection.ranking=joint_score"
        });
        rows.add(new String[] {
            "+ state-changing vote", "engine.trajectory.selection.ranking=joint_score",
        });
        rows.add(new String[] {"+ agreement ranking = defaults"});
        rows.add(new String[] {
            "  alternative: last-turn vote + agreement", "engine.trajectory.selection.vote_scope=last_turn"
        });
        rows.add(new String[] {
            "  alternative: final-answer vote + agreement", "engine.trajectory.selection.vote_scope=final_answer"
        });
        rows.add(new String[] {
            "  alternative: final-answer vote + joint score",
            "engine.trajectory.selection.vote_scope=final_answer",
            "engine.trajectory.selection.ranking=joint_score"
        });

        SelectionEvaluation defaults = null;
        for (Path file : List.of(TAU, APB)) {
            REPORT.append("vigil eval select on ").append(file.getFileName()).append("\n\n");
            SelectionEvaluation last = null;
            for (String[] row : rows) {
                SelectionEvaluation evaluation = select(file, Arrays.copyOfRange(row, 1, row.length));
                REPORT.append(String.format(
                        Locale.ROOT,
                        "  %-58s %8.3f%n",
                        row[0],
                        evaluation.scores().selected()));
                if (row.length == 1 && file.equals(TAU)) {
                    defaults = evaluation;
                }
                last = evaluation;
            }
            SelectionScores s = last.scores();
            REPORT.append(String.format(
                    Locale.ROOT,
                    "  baselines (%d tasks, %d candidates): pass@1 %.3f, random %.3f, shortest %.3f, oracle %.3f%n%n",
                    s.tasks(),
                    s.candidates(),
                    s.passAt1(),
                    s.random(),
                    s.shortest(),
                    s.oracle()));
        }

        SelectionScores tau = defaults.scores();
        assertEquals(12, tau.tasks());
        assertEquals(0.542, tau.passAt1(), 0.0005);
        assertTrue(
                tau.selected() >= tau.passAt1() + 0.1,
                "selection should beat pass@1 " + tau.passAt1() + " clearly, got " + tau.selected());
    }

    private static String[] row(String name, List<String> sets) {
        List<String> cells = new ArrayList<>();
        cells.add(name);
        cells.addAll(sets);
        return cells.toArray(String[]::new);
    }

    private static List<String> without(List<String> sets, String... removed) {
        List<String> kept = new ArrayList<>(sets);
        kept.removeAll(List.of(removed));
        return kept;
    }

    static ResolvedSettings settings(String... sets) {
        List<String> overrides = new ArrayList<>(Arrays.asList(sets));
        overrides.add("notifications.dispatcher_enabled=false");
        return new SettingsResolver(SettingsCatalog.sections())
                .resolve(new SettingsResolver.Sources(null, Map.of(), Map.of(), overrides));
    }

    static StepEvaluation steps(String... sets) throws IOException {
        Injector injector = VigilAssembly.create(settings(sets), plugins);
        try {
            return StepEvaluation.run(
                    injector.getInstance(GuardedStepClassifier.class).classifierName(),
                    injector.getInstance(RunAnalyzer.class),
                    new EvalInputs(injector.getInstance(TraceFormats.class)),
                    List.of(APB),
                    null);
        } finally {
            injector.getInstance(NotificationDispatcher.class).close(Duration.ofSeconds(1));
        }
    }

    static SelectionEvaluation select(Path file, String... sets) throws IOException {
        return SelectionEvaluation.run(
                SelectionConfig.from(settings(sets)), new EvalInputs(TraceFormats.builtIn()), List.of(file), null);
    }
}
