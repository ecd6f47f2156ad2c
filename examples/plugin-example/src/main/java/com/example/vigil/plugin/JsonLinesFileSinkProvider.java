package com.example.vigil.plugin;

import dev.vigil.spi.model.Notification;
import dev.vigil.spi.plugin.NotificationDeliveryException;
import dev.vigil.spi.plugin.NotificationSink;
import dev.vigil.spi.plugin.NotificationSinkProvider;
import dev.vigil.spi.plugin.PluginConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Sink {@code jsonl_file}: appends each notification as one JSON line to the file named by the {@code path}
 * parameter, e.g. {@code notifications.sinks: [{type: jsonl_file, path: /var/log/vigil-tickets.jsonl}]}.
 */
public final class JsonLinesFileSinkProvider implements NotificationSinkProvider {

    @Override
    public String type() {
        return "jsonl_file";
    }

    @Override
    public NotificationSink create(PluginConfig params) {
        String path = params.get("path").orElseThrow(() -> new IllegalArgumentException("path is required"));
        return new JsonLinesFileSink(Path.of(path));
    }

    private static final class JsonLinesFileSink implements NotificationSink {
        private final Path file;

        JsonLinesFileSink(Path file) {
            this.file = file;
        }

        @Override
        public String name() {
            return "jsonl_file";
        }

        @Override
        public void start() {
            // nothing to open: each send appends
        }

        @Override
        public synchronized void send(Notification n) {
            String line = "{\"id\":" + quote(n.id()) + ",\"severity\":" + quote(n.severity().wireName())
                    + ",\"category\":" + quote(n.category().wireName()) + ",\"title\":" + quote(n.title())
                    + ",\"body\":" + quote(n.body()) + ",\"source\":" + quote(n.source()) + "}\n";
            try {
                Files.writeString(
                        file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new NotificationDeliveryException("cannot append to " + file + ": " + e.getMessage(), true, e);
            }
        }

        @Override
        public void close() {
            // nothing held open
        }

        private static String quote(String text) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.append('"').toString();
        }
    }
}
