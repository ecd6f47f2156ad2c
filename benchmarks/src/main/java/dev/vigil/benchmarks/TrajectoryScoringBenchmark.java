package dev.vigil.benchmarks;

import dev.vigil.app.generate.GeneratedFormat;
import dev.vigil.app.ingest.TraceRecord;
import dev.vigil.spi.model.Candidate;
import dev.vigil.trajectory.TrajectoryScore;
import dev.vigil.trajectory.TrajectoryScorer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Best-of-K scoring and selection (trajectory.md §3-4) for K = 2..5 candidates of 20 steps each, in sets per second. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TrajectoryScoringBenchmark {

    @Param({"2", "3", "4", "5"})
    public int k;

    private List<Candidate> candidates;

    @Setup(Level.Trial)
    public void setUp() {
        List<TraceRecord.SingleRun> runs = Fixtures.runs(Fixtures.generated(k, 20, GeneratedFormat.VIGIL));
        candidates = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            // Same task, so the set is one best-of-K group.
            var run = runs.get(i).run().toBuilder().build();
            var sameTask = dev.vigil.spi.model.Run.builder(
                            run.runId(), run.agentId(), "task-bench", run.terminationReason())
                    .errorMessage(run.errorMessage())
                    .turns(run.turns())
                    .build();
            candidates.add(Candidate.of(i, sameTask, 50.0 + 10 * i));
        }
    }

    @Benchmark
    public List<TrajectoryScore> score() {
        return TrajectoryScorer.scoreCandidates(candidates);
    }

    @Benchmark
    public Candidate selectBest() {
        return TrajectoryScorer.selectBest(candidates);
    }
}
