package dev.vigil.benchmarks;

import dev.vigil.app.generate.GeneratedFormat;
import dev.vigil.app.ingest.TraceFormat;
import dev.vigil.app.ingest.TraceFormats;
import dev.vigil.app.ingest.TraceRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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

/**
 * Parse throughput of each ingest adapter, reading a whole file per invocation: the {@code steps} counter gives steps
 * per second, the primary score files per second. The Vigil and OTLP inputs are generated (200 runs of 50 steps); the
 * others are the real third-party traces under {@code shared/traces} (set {@code -Dvigil.traces=DIR}; default
 * {@code ../../shared/traces} from the benchmarks folder, as run.sh uses it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IngestBenchmark {

    @Param({
        "vigil",
        "otlp",
        "tau-bench:taubench-gpt4o-airline-12tasks-x4trials.json",
        "agentprocessbench:agentprocessbench-hotpotqa-dev-10queries.jsonl",
        "swe-agent:swe-agent-gpt4-pydicom-1458.traj",
        "chatdev:chatdev-RPG_V1-20231026174838.log",
        "langfuse:langfuse-export-microsoft-agent-2025-10-14.json"
    })
    public String input;

    private Path file;
    private TraceFormat format;

    /** Steps read, reported by JMH as a rate next to the score. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        public long steps;
        public long bytes;
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        TraceFormats formats = TraceFormats.builtIn();
        if (input.equals("vigil") || input.equals("otlp")) {
            file = Fixtures.generated(200, 50, input.equals("vigil") ? GeneratedFormat.VIGIL : GeneratedFormat.OTLP);
        } else {
            Path traces = Path.of(System.getProperty("vigil.traces", "../../shared/traces"));
            file = traces.resolve(input.substring(input.indexOf(':') + 1));
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(file.toAbsolutePath() + " not found; set -Dvigil.traces");
            }
        }
        String name = input.contains(":") ? input.substring(0, input.indexOf(':')) : input;
        format = formats.byName(name).orElseThrow(() -> new IllegalStateException("no format " + name));
    }

    @Benchmark
    public long readFile(Counters counters) throws IOException {
        long[] steps = {0};
        format.read(
                file,
                record -> steps[0] += record instanceof TraceRecord.SingleRun single
                        ? single.run().steps().size()
                        : ((TraceRecord.Team) record)
                                .teamRun().agentRuns().stream()
                                        .mapToLong(r -> r.steps().size())
                                        .sum(),
                problem -> {});
        counters.steps += steps[0];
        counters.bytes += Files.size(file);
        return steps[0];
    }
}
