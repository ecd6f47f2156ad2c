package dev.vigil.health.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.health.CapturingLogs;
import dev.vigil.health.FakeClock;
import dev.vigil.health.Fixtures;
import dev.vigil.spi.model.EscalationCause;
import dev.vigil.spi.model.EscalationSeverity;
import dev.vigil.spi.model.EscalationTicket;
import dev.vigil.spi.settings.Settings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Notification grouping with a repeat interval (engine.health.triage.group_by / repeat_interval_seconds). */
class AlertGrouperTest {

    private final FakeClock clock = new FakeClock(Fixtures.T0);

    @Test
    void defaultsGroupByRunAndCauseForFourHours() {
        assertEquals(List.of(GroupKey.RUN, GroupKey.CAUSE), GroupingConfig.DEFAULTS.groupBy());
        assertEquals(14400.0, GroupingConfig.DEFAULTS.repeatIntervalSeconds());
        assertEquals(GroupingConfig.DEFAULTS, GroupingConfig.from(Settings.defaults()));
    }

    @Test
    void aGroupIsNotifiedOncePerIntervalUnlessSeverityRises() {
        AlertGrouper grouper =
                new AlertGrouper(new GroupingConfig(List.of(GroupKey.AGENT, GroupKey.CAUSE), 600), clock);
        try (CapturingLogs.Capture logs = CapturingLogs.capture()) {
            assertTrue(grouper.admit(ticket("run-1", EscalationSeverity.MEDIUM)));
            // Same agent and cause from another run: folded into the first notification.
            assertFalse(grouper.admit(ticket("run-2", EscalationSeverity.MEDIUM)));
            CapturingLogs.Event grouped =
                    logs.named("vigil.health.notification_grouped").get(0);
            assertEquals("agent=agent-1|cause=timeout", grouped.field("group_key"));
            // A higher severity always goes through, and becomes the group's level.
            assertTrue(grouper.admit(ticket("run-3", EscalationSeverity.HIGH)));
            assertFalse(grouper.admit(ticket("run-4", EscalationSeverity.MEDIUM)));
            // After the repeat interval the group pages again.
            clock.advance(Duration.ofSeconds(600));
            assertTrue(grouper.admit(ticket("run-5", EscalationSeverity.MEDIUM)));
        }
    }

    @Test
    void differentGroupsAreIndependent() {
        AlertGrouper grouper = new AlertGrouper(GroupingConfig.DEFAULTS, clock);
        assertTrue(grouper.admit(ticket("run-1", EscalationSeverity.HIGH)));
        assertTrue(grouper.admit(ticket("run-2", EscalationSeverity.HIGH)));
        assertFalse(grouper.admit(ticket("run-1", EscalationSeverity.HIGH)));
        assertEquals("run=run-1|cause=timeout", grouper.groupKey(ticket("run-1", EscalationSeverity.LOW)));
    }

    @Test
    void zeroIntervalAndDisabledLetEverythingThrough() {
        AlertGrouper zero = new AlertGrouper(new GroupingConfig(List.of(), 0.0), clock);
        AlertGrouper disabled = AlertGrouper.disabled();
        for (int i = 0; i < 3; i++) {
            assertTrue(zero.admit(ticket("run-1", EscalationSeverity.HIGH)));
            assertTrue(disabled.admit(ticket("run-1", EscalationSeverity.HIGH)));
        }
    }

    @Test
    void configIsValidated() {
        assertEquals(
                "repeatIntervalSeconds must be >= 0.0, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> new GroupingConfig(List.of(), -1.0))
                        .getMessage());
        assertThrows(
                IllegalArgumentException.class, () -> new GroupingConfig(List.of(GroupKey.RUN, GroupKey.RUN), 1.0));
        assertEquals(GroupKey.TASK, GroupKey.fromWireName("task"));
    }

    private static EscalationTicket ticket(String run, EscalationSeverity severity) {
        return EscalationTicket.builder(run, "agent-1", "task-1", EscalationCause.TIMEOUT, severity, "slow")
                .createdAt(Fixtures.T0)
                .build();
    }
}
