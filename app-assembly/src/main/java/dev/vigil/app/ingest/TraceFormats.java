package dev.vigil.app.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every input format Vigil reads, and detection of a file's format by its content. */
public final class TraceFormats {

    private static final int HEAD_BYTES = 4096;

    private final List<TraceFormat> formats;

    public TraceFormats(List<TraceFormat> formats) {
        this.formats = List.copyOf(formats);
    }

    /** The built-in formats, most specific first (detection asks them in this order). */
    public static TraceFormats builtIn() {
        return new TraceFormats(List.of(
                new VigilJsonlFormat(),
                new OtlpJsonFormat(),
                new LangfuseFormat(),
                new TauBenchFormat(),
                new AgentProcessBenchFormat(),
                new SweAgentFormat(),
                new ChatDevFormat()));
    }

    /** The format named {@code name}, for {@code --format}. */
    public Optional<TraceFormat> byName(String name) {
        return formats.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The format names, for help texts and errors. */
    public String names() {
        return formats.stream().map(TraceFormat::name).collect(Collectors.joining(", "));
    }

    /** The first format that recognises the file's first bytes, if any. */
    public Optional<TraceFormat> detect(Path file) throws IOException {
        String head = head(file);
        return formats.stream().filter(f -> f.detect(file, head)).findFirst();
    }

    /** Up to the first 4 KiB of {@code file}, decoded as UTF-8 (a cut multi-byte character is replaced). */
    static String head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(HEAD_BYTES), StandardCharsets.UTF_8);
        }
    }
}
