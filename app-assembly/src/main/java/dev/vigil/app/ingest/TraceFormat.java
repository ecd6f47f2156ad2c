package dev.vigil.app.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * One input format: recognises its files by content and streams them as records. Bad records are reported to
 * {@code problems} and skipped; a format never stops at the first bad record.
 */
public interface TraceFormat {

    /** The name {@code --format} selects, e.g. {@code vigil}. */
    String name();

    /**
     * Whether {@code file} is in this format, judged from its first characters (and its name only as a hint).
     *
     * @param head up to the first 4 KiB of the file, decoded as UTF-8
     */
    boolean detect(Path file, String head);

    /** Streams the records of {@code file}; only one record is held in memory at a time. */
    void read(Path file, Consumer<TraceRecord> records, Consumer<InputProblem> problems) throws IOException;
}
