package dev.vigil.health;

import dev.vigil.health.triage.AlertGrouper;
import dev.vigil.health.triage.TriageChain;
import dev.vigil.health.triage.TriageOutcome;
import dev.vigil.spi.model.EscalationCause;
import dev.vigil.spi.model.EscalationTicket;
import dev.vigil.spi.model.Notification;
import dev.vigil.spi.model.NotificationCategory;
import dev.vigil.spi.model.NotificationSeverity;
import dev.vigil.spi.model.StepQualitySignal;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.plugin.NotificationPublisher;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judge, triage, notify (health.md §5): a judged ticket that triage escalates becomes a {@link Notification} (category
 * HEALTH, or BUDGET for budget breaches) handed to a {@link NotificationPublisher}, normally the
 * {@code NotificationDispatcher}. Before publishing, the {@link AlertGrouper} may fold the ticket into its group's
 * earlier notification; the ticket still counts as escalated. A failing publisher never loses the ticket. Thread-safe
 * when its parts are.
 */
public final class HealthMonitoringPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitoringPipeline.class);

    /** The notifications' source. */
    public static final String SOURCE = "vigil.health_monitor";

    private final HealthJudge judge;
    private final TriageChain triage;
    private final NotificationPublisher publisher;
    private final AlertGrouper grouper;
    private final TicketListener listener;
    private final Clock clock;

    private HealthMonitoringPipeline(Builder builder) {
        this.judge = Objects.requireNonNull(builder.judge, "judge");
        this.triage = Objects.requireNonNull(builder.triage, "triage");
        this.publisher = Objects.requireNonNull(builder.publisher, "publisher");
        this.grouper = builder.grouper == null ? AlertGrouper.disabled() : builder.grouper;
        this.listener = builder.listener;
        this.clock = builder.clock;
    }

    /** Starts a pipeline; judge, triage and publisher are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The judge used by {@link #process} and by each {@link RunHealthMonitor} on this pipeline. */
    public HealthJudge judge() {
        return judge;
    }

    /** The triage chain. */
    public TriageChain triage() {
        return triage;
    }

    /**
     * Triage, then delivery: empty when triage does not escalate; otherwise the ticket, after publishing its
     * notification (unless grouping folds it). A {@link RuntimeException} from the publisher logs warning
     * {@code vigil.health.pipeline_error} and the ticket is still returned.
     */
    public Optional<EscalationTicket> triageAndDeliver(EscalationTicket ticket) {
        Objects.requireNonNull(ticket, "ticket");
        TriageOutcome outcome = triage.decide(ticket);
        if (!outcome.escalated()) {
            listener.triaged(ticket, outcome, 0);
            return Optional.empty();
        }
        if (!grouper.admit(ticket)) {
            listener.triaged(ticket, outcome, 0);
            return Optional.of(ticket);
        }
        int delivered = 0;
        try {
            delivered = publisher.publish(toNotification(ticket, clock.instant()));
        } catch (RuntimeException e) {
            LOG.atWarn()
                    .setMessage("vigil.health.pipeline_error")
                    .addKeyValue("ticket_id", ticket.id())
                    .addKeyValue("error_type", e.getClass().getSimpleName())
                    .addKeyValue("error", String.valueOf(e.getMessage()))
                    .addKeyValue("detail", "notification delivery failed, ticket still returned")
                    .log();
        }
        listener.triaged(ticket, outcome, delivered);
        return Optional.of(ticket);
    }

    /**
     * The stateless end-of-run entry for library use: the judge's ticket, triaged and delivered. Any other
     * {@link RuntimeException} (for example a negative duration) logs warning {@code vigil.health.pipeline_error} and
     * gives empty; an {@link Error} propagates.
     */
    public Optional<EscalationTicket> process(
            String runId,
            TerminationReason reason,
            boolean hasRecovery,
            List<StepQualitySignal> signals,
            String agentId,
            String taskId,
            double executionDurationSeconds) {
        try {
            Optional<EscalationTicket> ticket =
                    judge.judge(runId, reason, hasRecovery, signals, agentId, taskId, executionDurationSeconds);
            return ticket.isPresent() ? triageAndDeliver(ticket.get()) : Optional.empty();
        } catch (RuntimeException e) {
            LOG.atWarn()
                    .setMessage("vigil.health.pipeline_error")
                    .addKeyValue("error_type", e.getClass().getSimpleName())
                    .addKeyValue("error", String.valueOf(e.getMessage()))
                    .log();
            return Optional.empty();
        }
    }

    /**
     * The notification for an escalated ticket (health.md §5 table): category HEALTH (BUDGET for BUDGET_BREACH),
     * severity LOW/MEDIUM/HIGH/CRITICAL to INFO/WARNING/ERROR/CRITICAL, title {@code Health alert: <cause> (<severity>)},
     * body the evidence, and metadata ticket_id, run_id, agent_id, task_id, cause, escalation_severity.
     */
    public static Notification toNotification(EscalationTicket ticket, Instant timestamp) {
        NotificationCategory category = ticket.cause() == EscalationCause.BUDGET_BREACH
                ? NotificationCategory.BUDGET
                : NotificationCategory.HEALTH;
        NotificationSeverity severity;
        switch (ticket.severity()) {
            case LOW:
                severity = NotificationSeverity.INFO;
                break;
            case MEDIUM:
                severity = NotificationSeverity.WARNING;
                break;
            case HIGH:
                severity = NotificationSeverity.ERROR;
                break;
            default:
                severity = NotificationSeverity.CRITICAL;
                break;
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("ticket_id", ticket.id());
        metadata.put("run_id", ticket.runId());
        metadata.put("agent_id", ticket.agentId());
        metadata.put("task_id", ticket.taskId());
        metadata.put("cause", ticket.cause().wireName());
        metadata.put("escalation_severity", ticket.severity().wireName());
        String title = "Health alert: " + ticket.cause().wireName() + " ("
                + ticket.severity().wireName() + ")";
        return Notification.builder(category, severity, title, SOURCE)
                .body(ticket.evidence())
                .timestamp(timestamp)
                .metadata(metadata)
                .build();
    }

    /**
     * Told about every ticket the pipeline triages, escalated or not, e.g. so a report can show dismissed tickets
     * and why. Called on the triaging thread; must not throw.
     */
    @FunctionalInterface
    public interface TicketListener {

        /** A listener that ignores everything. */
        TicketListener NONE = (ticket, outcome, deliveredTo) -> {};

        /**
         * One ticket was triaged.
         *
         * @param ticket the ticket
         * @param outcome the triage decision, the rule that made it and why
         * @param deliveredTo the number of sinks that accepted its notification; 0 when dismissed or grouped
         */
        void triaged(EscalationTicket ticket, TriageOutcome outcome, int deliveredTo);
    }

    /** Builder of a {@link HealthMonitoringPipeline}. */
    public static final class Builder {
        private HealthJudge judge;
        private TriageChain triage;
        private NotificationPublisher publisher;
        private AlertGrouper grouper;
        private TicketListener listener = TicketListener.NONE;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** Told about every triaged ticket (default: nobody). */
        public Builder listener(TicketListener value) {
            this.listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /** The judge (required). */
        public Builder judge(HealthJudge value) {
            this.judge = value;
            return this;
        }

        /** The triage chain (required). */
        public Builder triage(TriageChain value) {
            this.triage = value;
            return this;
        }

        /** Where notifications go (required), normally the {@code NotificationDispatcher}. */
        public Builder publisher(NotificationPublisher value) {
            this.publisher = value;
            return this;
        }

        /** Notification grouping (default: none, every escalated ticket is published). Share one across runs. */
        public Builder grouper(AlertGrouper value) {
            this.grouper = value;
            return this;
        }

        /** The clock for notification timestamps (default UTC system clock). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Builds the pipeline. */
        public HealthMonitoringPipeline build() {
            return new HealthMonitoringPipeline(this);
        }
    }
}
