package dev.vigil.spi.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A notification handed to the sinks (data-model.md §11). Build one with
 * {@link #builder(NotificationCategory, NotificationSeverity, String, String)}.
 *
 * @param id NotBlank; the builder defaults it to a random UUID string
 * @param category required
 * @param severity required
 * @param title NotBlank and a single line (no CR or LF)
 * @param body non-null; the builder defaults it to {@code ""}
 * @param source NotBlank, for example {@code vigil.health_monitor}
 * @param timestamp null gives now ({@link Instant#now()})
 * @param metadata JSON values, deep-copied and unmodifiable; null means empty
 */
public record Notification(
        String id,
        NotificationCategory category,
        NotificationSeverity severity,
        String title,
        String body,
        String source,
        Instant timestamp,
        Map<String, Object> metadata) {

    /** Validates every component and deep-copies the metadata. */
    public Notification {
        Checks.notBlank(id, "id");
        Checks.required(category, "category");
        Checks.required(severity, "severity");
        Checks.notBlank(title, "title");
        if (title.indexOf('\n') >= 0 || title.indexOf('\r') >= 0) {
            throw Checks.fail("title", "be a single line", title);
        }
        Checks.required(body, "body");
        Checks.notBlank(source, "source");
        timestamp = timestamp == null ? Instant.now() : timestamp;
        metadata = JsonValues.copyObject(metadata, "metadata");
    }

    /** A builder with a random UUID id, body {@code ""}, timestamp now and no metadata. */
    public static Builder builder(
            NotificationCategory category, NotificationSeverity severity, String title, String source) {
        return new Builder(category, severity, title, source);
    }

    /** A builder holding this notification's components (id and timestamp included), to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder(category, severity, title, source)
                .id(id)
                .body(body)
                .timestamp(timestamp)
                .metadata(metadata);
    }

    /** Fluent builder for {@link Notification}; {@link #build()} applies the record's validation. */
    public static final class Builder {
        private final NotificationCategory category;
        private final NotificationSeverity severity;
        private final String title;
        private final String source;
        private String id;
        private String body = "";
        private Instant timestamp;
        private Map<String, Object> metadata = Map.of();

        private Builder(NotificationCategory category, NotificationSeverity severity, String title, String source) {
            this.category = category;
            this.severity = severity;
            this.title = title;
            this.source = source;
        }

        /** Sets the id (default a random UUID string, drawn at build time). */
        public Builder id(String value) {
            this.id = value;
            return this;
        }

        /** Sets the body (default {@code ""}). */
        public Builder body(String value) {
            this.body = value;
            return this;
        }

        /** Sets the timestamp (default now, read at build time; pass the engine clock's instant for determinism). */
        public Builder timestamp(Instant value) {
            this.timestamp = value;
            return this;
        }

        /** Sets metadata (default empty); JSON values only, deep-copied on build. */
        public Builder metadata(Map<String, ?> value) {
            this.metadata = value == null ? null : new LinkedHashMap<>(value);
            return this;
        }

        /** Validates and creates the notification. */
        public Notification build() {
            return new Notification(
                    id == null ? UUID.randomUUID().toString() : id,
                    category,
                    severity,
                    title,
                    body,
                    source,
                    timestamp == null ? Instant.now() : timestamp,
                    metadata);
        }
    }
}
