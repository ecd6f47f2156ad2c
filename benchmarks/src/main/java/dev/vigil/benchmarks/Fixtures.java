package dev.vigil.benchmarks;

import dev.vigil.app.generate.GeneratedFormat;
import dev.vigil.app.generate.GeneratorConfig;
import dev.vigil.app.generate.TraceGenerator;
import dev.vigil.app.ingest.TraceFormats;
import dev.vigil.app.ingest.TraceRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Benchmark inputs: generated traces (deterministic), parsed once in the setup, never inside a measurement. */
final class Fixtures {

    private Fixtures() {}

    /** A generated Vigil JSON Lines file of {@code runs} runs of {@code steps} steps, in a temporary folder. */
    static Path generated(int runs, int steps, GeneratedFormat format) {
        try {
            Path dir = Files.createTempDirectory("vigil-bench");
            dir.toFile().deleteOnExit();
            Path file = dir.resolve("traces-" + runs + "x" + steps + "." + format.wireName() + ".jsonl");
            new TraceGenerator(new GeneratorConfig(runs, steps, 8, 42L, format)).writeTo(file);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every record of {@code file}, parsed by the format {@code vigil analyze} detects for it. */
    static List<TraceRecord> records(Path file) {
        try {
            TraceFormats formats = TraceFormats.builtIn();
            List<TraceRecord> records = new ArrayList<>();
            formats.detect(file).orElseThrow().read(file, records::add, problem -> {
                throw new IllegalStateException("fixture has a bad record: " + problem);
            });
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The single-agent runs of {@code file}. */
    static List<TraceRecord.SingleRun> runs(Path file) {
        return records(file).stream()
                .filter(TraceRecord.SingleRun.class::isInstance)
                .map(TraceRecord.SingleRun.class::cast)
                .toList();
    }
}
