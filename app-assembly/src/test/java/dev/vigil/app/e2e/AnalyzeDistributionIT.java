package dev.vigil.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code bin/vigil analyze} on the bundled example traces, as the README's first command runs it. */
class AnalyzeDistributionIT {

    static final List<String> EXAMPLE_RUNS = List.of(
            "run-clean-001",
            "run-stuck-002",
            "run-error-003",
            "run-degrade-004",
            "run-refund-1182-c0",
            "run-refund-1182-c1",
            "run-refund-1182-c2",
            "run-refund-1182-c3",
            "run-solo-1",
            "run-solo-2",
            "run-solo-3");

    static Distribution vigil;
    static JsonNode report;

    @TempDir
    Path temp;

    @BeforeAll
    static void analyzeAsJson() throws Exception {
        vigil = Distribution.built();
        Path out = Files.createTempFile("vigil-report", ".json");
        Distribution.Result result =
                vigil.run("analyze", Distribution.EXAMPLES.toString(), "--report", "json", "--out", out.toString());
        assertEquals(0, result.exitCode(), result::toString);
        report = new ObjectMapper().readTree(out.toFile());
        Files.delete(out);
    }

    @Test
    void versionAndHelpWork() throws Exception {
        Distribution.Result version = vigil.run("--version");
        assertEquals(0, version.exitCode());
        assertEquals("vigil 0.1.0", version.stdout().strip());
        Distribution.Result help = vigil.run("analyze", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.stdout().contains("Examples:"), help::toString);
        assertTrue(help.stdout().contains("--fail-on"), help::toString);
    }

    @Test
    void textSummaryNamesEveryRunAndTheEscalations() throws Exception {
        Distribution.Result result = vigil.run("analyze", Distribution.EXAMPLES.toString());
        assertEquals(0, result.exitCode(), result::toString);
        for (String run : EXAMPLE_RUNS) {
            assertTrue(result.stdout().contains("RUN " + run + " "), () -> run + " missing:\n" + result);
        }
        assertTrue(result.stdout().contains("TEAM team-7"), result::toString);
        assertTrue(result.stdout().contains("BEST-OF-K refund-O-1182"), result::toString);
        assertTrue(result.stdout().contains("ticket    HIGH stagnation"), result::toString);
        assertTrue(result.stdout().contains("SUMMARY  6 file(s), 11 run(s)"), result::toString);
        // The console sink delivers escalated tickets as structured log lines on stderr, never on stdout.
        assertTrue(result.stderr().contains("vigil.notification.console_delivered"), result::toString);
        assertFalse(result.stdout().contains("console_delivered"), result::toString);
    }

    @Test
    void jsonReportHoldsTheTicketsAndLabelsAPersonExpects() {
        assertEquals("vigil.report/1", report.get("schema").asText());
        List<String> runIds = new ArrayList<>();
        report.get("runs").forEach(run -> runIds.add(run.get("run_id").asText()));
        assertEquals(new HashSet<>(EXAMPLE_RUNS), new HashSet<>(runIds));

        // The same search six times: the detector terminates the loop, the step is INCORRECT, a HIGH ticket escalates.
        JsonNode stuck = run("run-stuck-002");
        JsonNode stagnation = ticket(stuck, "stagnation");
        assertEquals("high", stagnation.get("severity").asText());
        assertEquals("escalated", stagnation.get("triage").asText());
        assertEquals(1, stagnation.get("delivered_to").asInt(), "the console sink accepted it");
        assertTrue(stepQualities(stuck).contains("incorrect"));

        // Every edit fails after two good steps: HIGH at the third failure, CRITICAL at the sixth.
        JsonNode degrading = run("run-degrade-004");
        List<String> severities = new ArrayList<>();
        degrading.get("tickets").forEach(t -> severities.add(t.get("severity").asText()));
        assertEquals(List.of("high", "critical"), severities);
        assertEquals(
                List.of(
                        "correct",
                        "correct",
                        "incorrect",
                        "incorrect",
                        "incorrect",
                        "incorrect",
                        "incorrect",
                        "incorrect"),
                stepQualities(degrading));

        // A failed run with recovery is MEDIUM; it ran 96 s, past the one-minute stall threshold, so it escalates.
        JsonNode failed = ticket(run("run-error-003"), "repeated_failure");
        assertEquals("medium", failed.get("severity").asText());
        assertEquals("escalated", failed.get("triage").asText());
        assertEquals("persistent_stall", failed.get("decided_by").asText());

        // A clean run raises nothing; its tool steps are CORRECT and the plain answer NEUTRAL.
        JsonNode clean = run("run-clean-001");
        assertEquals(0, clean.get("tickets").size());
        assertEquals(List.of("correct", "correct", "correct", "correct", "neutral"), stepQualities(clean));
        assertEquals(0.8, clean.get("accuracy_effort").get("accuracy").asDouble(), 1e-9);

        JsonNode summary = report.get("summary");
        assertEquals(0, summary.get("input_errors").asInt());
        assertEquals("critical", summary.get("highest_escalated").asText());
    }

    @Test
    void bestOfKPicksAConsistentCandidate() {
        JsonNode group = report.get("best_of_k").get(0);
        assertEquals("refund-O-1182", group.get("task_id").asText());
        assertEquals(4, group.get("k").asInt());
        Set<Integer> consistent = new HashSet<>();
        group.get("candidates").forEach(c -> {
            if (c.get("consistent").asBoolean()) {
                consistent.add(c.get("index").asInt());
            }
        });
        // Three candidates refund 42.5; the over-confident outlier refunds 58.0 and must not win the vote.
        assertEquals(Set.of(0, 2, 3), consistent);
        assertTrue(consistent.contains(group.get("selected_index").asInt()));
    }

    @Test
    void teamMetricsAreMeasured() {
        JsonNode team = report.get("teams").get(0);
        assertEquals("team-7", team.get("team_run_id").asText());
        assertEquals(3, team.get("agents").asInt());
        assertEquals(8, team.get("messages").asInt());
        JsonNode metrics = team.get("metrics");
        // 8 messages over 11 LLM calls of the three members.
        assertEquals(8.0 / 11.0, metrics.get("message_density").asDouble(), 1e-12);
        assertTrue(metrics.get("message_overhead").get("quadratic").asBoolean(), "8 > 0.5 x 3^2");
        assertNotNull(metrics.get("efficiency"), "the three single-agent runs formed the baseline");
        // Each member is analysed like a single run: its steps are labelled and it could raise its own tickets.
        List<String> members = new ArrayList<>();
        team.get("members").forEach(member -> {
            members.add(member.get("agent_id").asText());
            assertTrue(member.get("steps").size() > 0, member::toString);
            assertTrue(member.get("steps").get(0).get("quality").isTextual(), member::toString);
        });
        assertEquals(List.of("planner", "writer", "reviewer"), members);
    }

    @Test
    void htmlReportIsOneWellFormedSelfContainedPage() throws Exception {
        Path html = temp.resolve("report.html");
        Distribution.Result result =
                vigil.run("analyze", Distribution.EXAMPLES.toString(), "--report", "html", "--out", html.toString());
        assertEquals(0, result.exitCode(), result::toString);
        String page = Files.readString(html);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        Document document = factory.newDocumentBuilder().parse(html.toFile());
        assertEquals("html", document.getDocumentElement().getTagName());
        for (String run : EXAMPLE_RUNS) {
            assertTrue(page.contains("id=\"run-" + run + "\""), () -> "no row for " + run);
        }
        assertFalse(page.contains("src=\"http"), "no external scripts or images");
        assertFalse(page.contains("href=\"http"), "no external stylesheets");
        assertTrue(page.contains("<svg"), "step timelines are inline SVG");
    }

    @Test
    void exitCodesServeACiGate() throws Exception {
        assertEquals(
                1,
                vigil.run("analyze", Distribution.EXAMPLES.toString(), "--fail-on", "critical")
                        .exitCode());
        assertEquals(
                0,
                vigil.run(
                                "analyze",
                                Distribution.EXAMPLES.resolve("clean-run.jsonl").toString(),
                                "--fail-on",
                                "low")
                        .exitCode());

        Distribution.Result badSetting =
                vigil.run("analyze", Distribution.EXAMPLES.toString(), "--set", "engine.routing.min_score=2");
        assertEquals(2, badSetting.exitCode(), badSetting::toString);
        assertTrue(
                badSetting.stderr().contains("engine.routing.min_score must be in [0.0, 1.0], got 2.0 (from --set)"),
                badSetting::toString);
        assertEquals(
                2,
                vigil.run("analyze", "--no-such-option", Distribution.EXAMPLES.toString())
                        .exitCode());
        assertEquals(
                2, vigil.run("analyze", temp.resolve("absent.jsonl").toString()).exitCode());

        Path mixed = temp.resolve("mixed.jsonl");
        Files.writeString(mixed, Files.readString(Distribution.EXAMPLES.resolve("clean-run.jsonl")) + "{not json\n");
        Distribution.Result lenient = vigil.run("analyze", mixed.toString());
        assertEquals(0, lenient.exitCode(), lenient::toString);
        assertTrue(lenient.stdout().contains("mixed.jsonl:3: line: not valid JSON"), lenient::toString);
        assertTrue(lenient.stdout().contains("RUN run-clean-001"), "the good line is still analysed");
        assertEquals(3, vigil.run("analyze", mixed.toString(), "--strict").exitCode());
    }

    private static JsonNode run(String runId) {
        for (JsonNode run : report.get("runs")) {
            if (run.get("run_id").asText().equals(runId)) {
                return run;
            }
        }
        throw new AssertionError("no run " + runId);
    }

    private static JsonNode ticket(JsonNode run, String cause) {
        for (JsonNode ticket : run.get("tickets")) {
            if (ticket.get("cause").asText().equals(cause)) {
                return ticket;
            }
        }
        throw new AssertionError("no " + cause + " ticket in " + run.get("run_id"));
    }

    private static List<String> stepQualities(JsonNode run) {
        List<String> qualities = new ArrayList<>();
        run.get("steps").forEach(step -> qualities.add(step.get("quality").asText()));
        return qualities;
    }
}
