package dev.vigil.app.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vigil.app.ingest.InputProblem;
import dev.vigil.spi.model.StepQuality;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Text and JSON renderings of {@link StepEvaluation} and {@link SelectionEvaluation}. */
public final class EvalReports {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EvalReports() {}

    /** The step evaluation as text. */
    public static void text(StepEvaluation evaluation, PrintWriter out) {
        StepScores scores = evaluation.scores();
        out.printf(
                Locale.ROOT,
                "vigil eval steps: classifier %s; %d labelled run(s) of %d read, %d labelled step(s), %d input"
                        + " problem(s)%n%n",
                evaluation.classifier(),
                scores.runs(),
                evaluation.runsRead(),
                scores.labelledSteps(),
                evaluation.problems().size());
        out.printf(Locale.ROOT, "  %-32s %9s %13s%n", "", "StepAcc", "FirstErrAcc");
        row(out, evaluation.classifier(), scores);
        row(out, "baseline: all CORRECT", evaluation.allCorrect());
        out.printf(
                Locale.ROOT,
                "  (labelling every step CORRECT never finds an error: its FirstErrAcc is the"
                        + " never-an-error baseline)%n%n");
        out.printf(Locale.ROOT, "Per class (%s):%n", evaluation.classifier());
        out.printf(Locale.ROOT, "  %-10s %9s %9s %9s %8s %9s%n", "", "precision", "recall", "F1", "human", "predicted");
        for (StepQuality quality : StepQuality.values()) {
            StepScores.ClassScores c = scores.perClass().get(quality);
            out.printf(
                    Locale.ROOT,
                    "  %-10s %9s %9s %9s %8d %9d%n",
                    quality.wireName(),
                    percent(c.precision()),
                    percent(c.recall()),
                    percent(c.f1()),
                    c.actual(),
                    c.predicted());
        }
        out.printf(Locale.ROOT, "%nConfusion matrix (rows: human label; columns: %s):%n", evaluation.classifier());
        out.printf(Locale.ROOT, "  %-10s %9s %9s %9s %9s%n", "", "correct", "neutral", "incorrect", "none");
        for (StepQuality actual : StepQuality.values()) {
            out.printf(
                    Locale.ROOT,
                    "  %-10s %9d %9d %9d %9d%n",
                    actual.wireName(),
                    scores.confusion().count(actual, StepQuality.CORRECT),
                    scores.confusion().count(actual, StepQuality.NEUTRAL),
                    scores.confusion().count(actual, StepQuality.INCORRECT),
                    scores.confusion().count(actual, null));
        }
        problems(out, evaluation.problems());
        out.flush();
    }

    /** The step evaluation as a JSON document. */
    public static void json(StepEvaluation evaluation, PrintWriter out) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("command", "eval steps");
        root.put("classifier", evaluation.classifier());
        root.put("runs_read", evaluation.runsRead());
        root.put("classifier_scores", scores(evaluation.scores()));
        Map<String, Object> baselines = new LinkedHashMap<>();
        baselines.put("all_correct", scores(evaluation.allCorrect()));
        root.put("baselines", baselines);
        root.put(
                "baseline_note",
                "all_correct never finds an error: its first_error_accuracy is the never-an-error" + " baseline");
        root.put("problems", problemList(evaluation.problems()));
        write(root, out);
    }

    /** The selection evaluation as text. */
    public static void text(SelectionEvaluation evaluation, PrintWriter out) {
        SelectionScores s = evaluation.scores();
        out.printf(
                Locale.ROOT,
                "vigil eval select: %s; %d task(s), %d candidate(s), %d task(s) skipped, %d input problem(s)%n%n",
                evaluation.selection().describe(),
                s.tasks(),
                s.candidates(),
                evaluation.skippedTasks().size(),
                evaluation.problems().size());
        out.printf(Locale.ROOT, "  %-36s %8s%n", "", "success");
        out.printf(Locale.ROOT, "  %-36s %8s%n", "configured selection", rate(s.selected()));
        out.printf(Locale.ROOT, "  %-36s %8s%n", "pass@1 (mean outcome)", rate(s.passAt1()));
        out.printf(Locale.ROOT, "  %-36s %8s%n", "random choice (expected)", rate(s.random()));
        out.printf(Locale.ROOT, "  %-36s %8s%n", "shortest candidate", rate(s.shortest()));
        out.printf(Locale.ROOT, "  %-36s %8s%n%n", "oracle (any candidate succeeds)", rate(s.oracle()));
        out.printf(Locale.ROOT, "Per task (outcome of each candidate; * selected):%n");
        for (TaskOutcomes task : evaluation.tasks()) {
            StringBuilder line = new StringBuilder();
            for (TaskOutcomes.CandidateOutcome candidate : task.candidates()) {
                line.append(String.format(
                        Locale.ROOT,
                        " %s%d=%s",
                        candidate.index() == task.selectedIndex() ? "*" : "",
                        candidate.index(),
                        trim(candidate.outcome())));
            }
            out.printf(Locale.ROOT, "  %-40s%s%n", task.taskId(), line);
        }
        for (String skipped : evaluation.skippedTasks()) {
            out.printf(Locale.ROOT, "  skipped %s%n", skipped);
        }
        problems(out, evaluation.problems());
        out.flush();
    }

    /** The selection evaluation as a JSON document. */
    public static void json(SelectionEvaluation evaluation, PrintWriter out) {
        SelectionScores s = evaluation.scores();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("command", "eval select");
        Map<String, Object> selection = new LinkedHashMap<>();
        selection.put("vote_scope", evaluation.selection().voteScope().wireName());
        selection.put("ranking", evaluation.selection().ranking().wireName());
        selection.put("read_only_tools", evaluation.selection().readOnlyTools());
        selection.put("estimate_missing_tokens", evaluation.selection().estimateMissingTokens());
        selection.put("chars_per_token", evaluation.selection().charsPerToken());
        root.put("selection", selection);
        root.put("tasks", s.tasks());
        root.put("candidates", s.candidates());
        Map<String, Object> success = new LinkedHashMap<>();
        success.put("selected", number(s.selected()));
        success.put("pass_at_1", number(s.passAt1()));
        success.put("random", number(s.random()));
        success.put("shortest", number(s.shortest()));
        success.put("oracle", number(s.oracle()));
        root.put("success", success);
        List<Object> tasks = new ArrayList<>();
        for (TaskOutcomes task : evaluation.tasks()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("task_id", task.taskId());
            row.put("selected_index", task.selectedIndex());
            row.put("selected_success", task.selectedSuccess());
            List<Object> candidates = new ArrayList<>();
            for (TaskOutcomes.CandidateOutcome candidate : task.candidates()) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("index", candidate.index());
                c.put("outcome", candidate.outcome());
                c.put("trace_tokens", candidate.traceTokens());
                candidates.add(c);
            }
            row.put("candidates", candidates);
            tasks.add(row);
        }
        root.put("per_task", tasks);
        root.put("skipped_tasks", evaluation.skippedTasks());
        root.put("problems", problemList(evaluation.problems()));
        write(root, out);
    }

    /** StepAcc / FirstErrAcc as percentages with one decimal, e.g. {@code 85.8 %}; {@code -} for NaN. */
    static String percent(Double value) {
        return value == null || value.isNaN() ? "-" : String.format(Locale.ROOT, "%.1f %%", value * 100);
    }

    private static String rate(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static void row(PrintWriter out, String name, StepScores scores) {
        out.printf(
                Locale.ROOT,
                "  %-32s %9s %13s   (%d/%d steps, %d/%d runs)%n",
                name,
                percent(scores.stepAccuracy()),
                percent(scores.firstErrorAccuracy()),
                scores.matchingSteps(),
                scores.labelledSteps(),
                scores.firstErrorHits(),
                scores.runs());
    }

    private static Map<String, Object> scores(StepScores scores) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("runs", scores.runs());
        map.put("labelled_steps", scores.labelledSteps());
        map.put("matching_steps", scores.matchingSteps());
        map.put("step_accuracy", number(scores.stepAccuracy()));
        map.put("first_error_hits", scores.firstErrorHits());
        map.put("first_error_accuracy", number(scores.firstErrorAccuracy()));
        Map<String, Object> perClass = new LinkedHashMap<>();
        for (StepQuality quality : StepQuality.values()) {
            StepScores.ClassScores c = scores.perClass().get(quality);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("precision", c.precision());
            entry.put("recall", c.recall());
            entry.put("f1", c.f1());
            entry.put("human", c.actual());
            entry.put("predicted", c.predicted());
            perClass.put(quality.wireName(), entry);
        }
        map.put("per_class", perClass);
        Map<String, Object> confusion = new LinkedHashMap<>();
        for (StepQuality actual : StepQuality.values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (StepQuality predicted : StepQuality.values()) {
                row.put(predicted.wireName(), scores.confusion().count(actual, predicted));
            }
            row.put("none", scores.confusion().count(actual, null));
            confusion.put(actual.wireName(), row);
        }
        map.put("confusion", confusion);
        return map;
    }

    private static Double number(double value) {
        return Double.isNaN(value) ? null : value;
    }

    private static List<Object> problemList(List<InputProblem> problems) {
        List<Object> list = new ArrayList<>();
        for (InputProblem problem : problems) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("location", problem.location());
            entry.put("field", problem.field());
            entry.put("problem", problem.problem());
            list.add(entry);
        }
        return list;
    }

    private static void problems(PrintWriter out, List<InputProblem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "%nInput problems:%n");
        problems.forEach(problem -> out.printf(Locale.ROOT, "  %s%n", problem));
    }

    private static void write(Map<String, Object> root, PrintWriter out) {
        try {
            out.println(JSON.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of JSON values always serialises", e);
        }
        out.flush();
    }
}
