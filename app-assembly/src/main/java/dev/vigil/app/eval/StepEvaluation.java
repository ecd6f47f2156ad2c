package dev.vigil.app.eval;

import dev.vigil.app.analysis.RunAnalyzer;
import dev.vigil.app.analysis.RunResult;
import dev.vigil.app.ingest.InputProblem;
import dev.vigil.app.ingest.TraceRecord;
import dev.vigil.spi.model.Step;
import dev.vigil.spi.model.StepQuality;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code vigil eval steps}: runs each labelled run through the configured per-run analysis (stagnation check, then the
 * configured classifier, exactly as {@code vigil analyze} does) and compares the classifier's step labels with the
 * source's human labels, next to the trivial baseline that labels every step CORRECT (and so never finds an error).
 *
 * @param classifier the classifier's name
 * @param runsRead single-agent runs read
 * @param scores the classifier's figures over the labelled runs
 * @param allCorrect the figures of labelling every step CORRECT; its FirstErrAcc is that of never finding an error
 * @param runs every labelled run's labels and predictions, in input order
 * @param problems input problems
 */
public record StepEvaluation(
        String classifier,
        int runsRead,
        StepScores scores,
        StepScores allCorrect,
        List<LabelledRun> runs,
        List<InputProblem> problems) {

    /** Copies the lists. */
    public StepEvaluation {
        runs = List.copyOf(runs);
        problems = List.copyOf(problems);
    }

    /**
     * Evaluates the runs of {@code inputs} with {@code analyzer}.
     *
     * @param classifier the configured classifier's name, for the report
     * @param formatName a format for every file, or null to detect
     * @throws IllegalArgumentException when an input does not exist or the format is unknown
     */
    public static StepEvaluation run(
            String classifier, RunAnalyzer analyzer, EvalInputs inputs, List<Path> files, String formatName)
            throws IOException {
        return run(classifier, record -> predictions(analyzer.analyze(record)), inputs, files, formatName);
    }

    /** As {@link #run(String, RunAnalyzer, EvalInputs, List, String)}, with any step labeller (tests, baselines). */
    public static StepEvaluation run(
            String classifier,
            Function<TraceRecord.SingleRun, List<StepQuality>> labeller,
            EvalInputs inputs,
            List<Path> files,
            String formatName)
            throws IOException {
        List<LabelledRun> runs = new ArrayList<>();
        int[] read = {0};
        List<InputProblem> problems = inputs.read(files, formatName, record -> {
            read[0]++;
            List<StepQuality> labels = new ArrayList<>();
            for (Step step : record.run().steps()) {
                labels.add(step.label());
            }
            if (labels.stream().allMatch(java.util.Objects::isNull)) {
                return; // nothing to compare with: not worth a classification
            }
            runs.add(new LabelledRun(record.run().runId(), labels, labeller.apply(record)));
        });
        return of(classifier, read[0], runs, problems);
    }

    /** The evaluation of already labelled runs. */
    public static StepEvaluation of(
            String classifier, int runsRead, List<LabelledRun> runs, List<InputProblem> problems) {
        List<LabelledRun> baseline =
                runs.stream().map(r -> r.constant(StepQuality.CORRECT)).toList();
        return new StepEvaluation(classifier, runsRead, StepScores.of(runs), StepScores.of(baseline), runs, problems);
    }

    private static List<StepQuality> predictions(RunResult result) {
        List<StepQuality> predicted = new ArrayList<>();
        for (RunResult.StepResult step : result.steps()) {
            predicted.add(step.quality());
        }
        return predicted;
    }
}
