package dev.vigil.benchmarks;

import dev.vigil.spi.model.ToolCall;
import dev.vigil.spi.model.ToolCallFingerprint;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Tool-call fingerprints (D1): canonical JSON of the arguments, SHA-256, 16 hex characters. Stagnation detection
 * and best-of-K voting compute one per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FingerprintBenchmark {

    private final ToolCall small = ToolCall.of("get_order", Map.of("id", "O-1182"));
    private final ToolCall typical = ToolCall.of(
            "search_flights", Map.of("origin", "SFO", "destination", "JFK", "date", "2026-03-14", "passengers", 2));
    private final ToolCall nested = ToolCall.of(
            "edit_file",
            Map.of(
                    "path",
                    "src/main/java/dev/vigil/Example.java",
                    "edits",
                    List.of(
                            Map.of("line", 12, "text", "return a + b;"),
                            Map.of("line", 40, "text", "throw new IllegalStateException(\"é\");")),
                    "dry_run",
                    false));

    @Benchmark
    public String smallArguments() {
        return small.fingerprint();
    }

    @Benchmark
    public String typicalArguments() {
        return typical.fingerprint();
    }

    @Benchmark
    public String nestedArguments() {
        return nested.fingerprint();
    }

    @Benchmark
    public String canonicalJsonOnly() {
        return ToolCallFingerprint.canonicalJson(typical.arguments());
    }
}
