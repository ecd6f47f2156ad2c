package com.example.agentloop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.health.HealthSettings;
import dev.vigil.spi.model.EscalationCause;
import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.Notification;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.ToolCall;
import dev.vigil.spi.model.Turn;
import dev.vigil.spi.plugin.NotificationSink;
import dev.vigil.spi.settings.Settings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WatchedAgentLoopTest {

    /** A sink that keeps what it receives: the team's own pager would go here. */
    static final class Inbox implements NotificationSink {
        final List<Notification> received = Collections.synchronizedList(new ArrayList<>());

        @Override
        public String name() {
            return "inbox";
        }

        @Override
        public void start() {}

        @Override
        public void send(Notification notification) {
            received.add(notification);
        }

        @Override
        public void close() {}
    }

    @Test
    void aLoopingAgentIsCorrectedThenStoppedAndSomeoneIsTold() {
        Inbox inbox = new Inbox();
        // Settings are code here: defaults, with one override a team tuned for its agents.
        Settings settings = Settings.defaults().with(HealthSettings.STAGNATION_WINDOW_SIZE, 4);
        WatchedAgentLoop loop = new WatchedAgentLoop(settings, List.of(inbox));

        // The agent searches for the same thing every time.
        WatchedAgentLoop.Outcome outcome = loop.run(
                "run-1",
                turn -> Turn.builder(turn, FinishReason.TOOL_USE)
                        .toolCall(new ToolCall("search_orders", Map.of("customer", "C-1")))
                        .build(),
                20);

        assertEquals(TerminationReason.STAGNATION, outcome.reason());
        assertTrue(outcome.stepsRun() < 20, "the loop stopped early");
        assertEquals(1, outcome.corrections().size(), "one corrective prompt before stopping (max_corrections 1)");
        assertTrue(outcome.tickets().stream().anyMatch(t -> t.cause() == EscalationCause.STAGNATION));
        assertEquals(1, inbox.received.size(), "the stagnation ticket reached the sink once");
    }

    @Test
    void aHealthyAgentRunsToTheEndQuietly() {
        Inbox inbox = new Inbox();
        WatchedAgentLoop.Outcome outcome = new WatchedAgentLoop(Settings.defaults(), List.of(inbox))
                .run(
                        "run-2",
                        turn -> Turn.builder(turn, FinishReason.TOOL_USE)
                                .toolCall(new ToolCall("read_page", Map.of("page", turn)))
                                .build(),
                        6);
        assertEquals(6, outcome.stepsRun());
        assertTrue(inbox.received.isEmpty(), () -> "no notification expected: " + inbox.received);
    }
}
