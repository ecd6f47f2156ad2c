package dev.vigil.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The floor for {@code vigil analyze}: a raw Jackson streaming parse of a trace file that touches every token
 * (every field name, string and number is decoded), with nothing built. Prints the best of {@code rounds} passes as
 * {@code raw_parse_seconds=<s> bytes=<n> tokens=<n>}.
 *
 * <p>Usage: {@code RawJsonParse FILE [ROUNDS]}
 */
public final class RawJsonParse {

    private RawJsonParse() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        double best = Double.MAX_VALUE;
        long tokens = 0;
        long sink = 0;
        for (int round = 0; round < rounds; round++) {
            long started = System.nanoTime();
            tokens = 0;
            JsonFactory factory = new JsonFactory();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                    JsonParser parser = factory.createParser(in)) {
                JsonToken token;
                while ((token = parser.nextToken()) != null) {
                    tokens++;
                    switch (token) {
                        case FIELD_NAME -> sink += parser.currentName().length();
                        case VALUE_STRING -> sink += parser.getText().length();
                        case VALUE_NUMBER_INT -> sink += parser.getLongValue();
                        case VALUE_NUMBER_FLOAT -> sink += (long) parser.getDoubleValue();
                        default -> sink++;
                    }
                }
            }
            best = Math.min(best, (System.nanoTime() - started) / 1e9);
        }
        System.out.printf(
                Locale.ROOT,
                "raw_parse_seconds=%.3f bytes=%d tokens=%d checksum=%d%n",
                best,
                Files.size(file),
                tokens,
                sink & 0xff);
    }
}
