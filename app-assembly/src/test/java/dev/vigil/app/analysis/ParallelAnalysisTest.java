package dev.vigil.app.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.app.generate.GeneratedFormat;
import dev.vigil.app.generate.GeneratorConfig;
import dev.vigil.app.generate.TraceGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Analysing on several threads gives exactly the report of one thread (ticket ids aside, which are random by design):
 * same runs in the same order, same tickets and triage decisions, same best-of-K selections and team metrics.
 */
class ParallelAnalysisTest {

    @TempDir
    static Path dir;

    static Path traces;
    static Path otherTraces;

    @BeforeAll
    static void generate() throws IOException {
        traces = dir.resolve("load.jsonl");
        new TraceGenerator(new GeneratorConfig(400, 15, 6, 11L, GeneratedFormat.VIGIL)).writeTo(traces);
        otherTraces = dir.resolve("spans.jsonl");
        new TraceGenerator(new GeneratorConfig(60, 8, 4, 12L, GeneratedFormat.OTLP)).writeTo(otherTraces);
    }

    @Test
    void fourThreadsGiveTheReportOfOne() throws IOException {
        Engines.Analysis sequential = Engines.analyze(List.of(traces), 1);
        Engines.Analysis parallel = Engines.analyze(List.of(traces), 4);

        assertEquals(sequential.summary().runs(), 400);
        assertTrue(sequential.summary().ticketsRaised() > 0, "the mix raises tickets, so triage is compared too");
        assertTrue(
                sequential.summary().bestOfKGroups() > 0 && sequential.summary().teamRuns() > 0);
        assertEquals(sequential.jsonWithoutTicketIds(), parallel.jsonWithoutTicketIds());
    }

    @Test
    void severalFilesAndFormatsKeepTheirOrderToo() throws IOException {
        List<Path> inputs = List.of(traces, otherTraces);
        assertEquals(
                Engines.analyze(inputs, 1).jsonWithoutTicketIds(),
                Engines.analyze(inputs, 3).jsonWithoutTicketIds());
    }

    @Test
    void groupingAcrossRunsFallsBackToOneThread() {
        var crossRun = Engines.injector("engine.health.triage.group_by=[cause]").getInstance(AnalysisEngine.class);
        var perRun = Engines.injector().getInstance(AnalysisEngine.class);

        assertEquals(1, crossRun.effectiveThreads(8), "which ticket a group lets through depends on run order");
        assertEquals(8, perRun.effectiveThreads(8));
    }

    @Test
    void crossRunGroupingStillGivesTheSequentialReport() throws IOException {
        String[] overrides = {"engine.health.triage.group_by=[cause]"};
        assertEquals(
                Engines.analyze(List.of(traces), 1, overrides).jsonWithoutTicketIds(),
                Engines.analyze(List.of(traces), 4, overrides).jsonWithoutTicketIds());
    }
}
