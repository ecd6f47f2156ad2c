package dev.vigil.app.eval;

import dev.vigil.app.ingest.InputProblem;
import dev.vigil.app.ingest.TraceFormat;
import dev.vigil.app.ingest.TraceFormats;
import dev.vigil.app.ingest.TraceRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads the single-agent runs of trace files and folders for evaluation, as {@code vigil analyze} reads them: folders
 * recursively in name order (hidden files and {@code .md} left out), each file in its detected format or the forced
 * one. Rejected records and unknown files become {@link InputProblem}s; team runs are skipped.
 */
public final class EvalInputs {

    private final TraceFormats formats;

    /** Reads with {@code formats} (normally the assembly's {@link TraceFormats}). */
    public EvalInputs(TraceFormats formats) {
        this.formats = formats;
    }

    /**
     * Streams every single-agent run of {@code inputs} to {@code runs}.
     *
     * @param formatName a format for every file, or null to detect each one
     * @return the input problems (rejected records, unrecognised files), in order
     * @throws IllegalArgumentException when an input does not exist or the format is unknown
     */
    public List<InputProblem> read(List<Path> inputs, String formatName, Consumer<TraceRecord.SingleRun> runs)
            throws IOException {
        List<InputProblem> problems = new ArrayList<>();
        Optional<TraceFormat> forced = Optional.empty();
        if (formatName != null) {
            forced = formats.byName(formatName);
            if (forced.isEmpty()) {
                throw new IllegalArgumentException(
                        "--format must be one of [" + formats.names() + "], got '" + formatName + "'");
            }
        }
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw new IllegalArgumentException("input not found: " + input);
            }
            for (Path file : files(input)) {
                Optional<TraceFormat> format = forced.isPresent() ? forced : formats.detect(file);
                if (format.isEmpty()) {
                    problems.add(new InputProblem(
                            file.toString(),
                            "format",
                            "not a recognised trace format (known: " + formats.names() + "; use --format)"));
                    continue;
                }
                format.get()
                        .read(
                                file,
                                record -> {
                                    if (record instanceof TraceRecord.SingleRun single) {
                                        runs.accept(single);
                                    }
                                },
                                problems::add);
            }
        }
        return problems;
    }

    private static List<Path> files(Path input) throws IOException {
        if (!Files.isDirectory(input)) {
            return List.of(input);
        }
        try (Stream<Path> walk = Files.walk(input)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().endsWith(".md"))
                    .sorted()
                    .toList();
        }
    }
}
