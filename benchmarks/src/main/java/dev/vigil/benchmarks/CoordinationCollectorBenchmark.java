package dev.vigil.benchmarks;

import dev.vigil.app.generate.GeneratedFormat;
import dev.vigil.app.ingest.TraceRecord;
import dev.vigil.coordination.BaselineStore;
import dev.vigil.coordination.CoordinationConfig;
import dev.vigil.coordination.CoordinationMetricsCollector;
import dev.vigil.coordination.CoordinationResult;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.TeamRun;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The coordination collector (coordination.md §6): a team run measured against a full baseline window (the nine
 * metrics, alerts published to a no-op publisher), and a single-agent run recorded into the baseline.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CoordinationCollectorBenchmark {

    private CoordinationMetricsCollector collector;
    private List<TeamRun> teams;
    private List<Run> singles;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        // 500 runs of 30 steps give 10 team runs of 2-4 agents and enough single runs to fill the baseline.
        Path file = Fixtures.generated(500, 30, GeneratedFormat.VIGIL);
        List<TraceRecord> records = Fixtures.records(file);
        teams = records.stream()
                .filter(TraceRecord.Team.class::isInstance)
                .map(r -> ((TraceRecord.Team) r).teamRun())
                .toList();
        singles = records.stream()
                .filter(TraceRecord.SingleRun.class::isInstance)
                .map(r -> ((TraceRecord.SingleRun) r).run())
                .toList();
        collector = CoordinationMetricsCollector.builder(CoordinationConfig.DEFAULTS.withEnabled(true))
                .baselineStore(new BaselineStore())
                .publisher(notification -> 0)
                .build();
        singles.forEach(collector::collect);
    }

    @Benchmark
    public CoordinationResult teamRun() {
        next = (next + 1) % teams.size();
        return collector.collect(teams.get(next));
    }

    @Benchmark
    public CoordinationResult baselineRecord() {
        next = (next + 1) % singles.size();
        return collector.collect(singles.get(next));
    }
}
