package dev.vigil.app.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.app.plugins.PluginLoader;
import dev.vigil.app.settings.ResolvedSettings;
import dev.vigil.app.settings.SettingsCatalog;
import dev.vigil.app.settings.SettingsResolver;
import dev.vigil.app.wiring.VigilAssembly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Garbage lines mixed into a valid trace file cost nothing: the valid runs are analysed exactly as in the clean
 * file, and every garbage line is reported with its line number.
 */
class GarbageInputPropertiesTest {

    static final Path EXAMPLES = Path.of("..", "examples", "traces");
    private static AnalysisEngine engine;

    static synchronized AnalysisEngine engine() {
        if (engine == null) {
            ResolvedSettings settings = new SettingsResolver(SettingsCatalog.sections())
                    .resolve(new SettingsResolver.Sources(
                            null,
                            java.util.Map.of(),
                            java.util.Map.of(),
                            List.of(
                                    // Deliveries are not what this test is about: keep the console quiet.
                                    "notifications.dispatcher_enabled=false")));
            engine = VigilAssembly.create(settings, new PluginLoader(1.0).load(null))
                    .getInstance(AnalysisEngine.class);
        }
        return engine;
    }

    @Property(tries = 15)
    void validRunsAreAnalysedAsIfTheGarbageWereNotThere(
            @ForAll("garbage") List<String> garbage, @ForAll("seeds") long seed) throws IOException {
        List<String> clean = new ArrayList<>();
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path file :
                    files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                clean.addAll(Files.readAllLines(file));
            }
        }
        Random random = new Random(seed);
        List<String> dirty = new ArrayList<>();
        List<Integer> garbageLines = new ArrayList<>();
        int next = 0;
        for (String line : clean) {
            while (next < garbage.size() && random.nextInt(4) == 0) {
                dirty.add(garbage.get(next++));
                garbageLines.add(dirty.size());
            }
            dirty.add(line);
        }
        while (next < garbage.size()) {
            dirty.add(garbage.get(next++));
            garbageLines.add(dirty.size());
        }

        Collected cleanResult = analyse(clean);
        Collected dirtyResult = analyse(dirty);

        assertEquals(cleanResult.runs, dirtyResult.runs);
        assertEquals(cleanResult.bestOfK, dirtyResult.bestOfK);
        assertEquals(cleanResult.teams, dirtyResult.teams);
        assertEquals(
                garbageLines.stream().map(n -> "traces.jsonl:" + n).toList(),
                dirtyResult.summary.inputProblems().stream()
                        .map(p -> p.location())
                        .toList());
    }

    private Collected analyse(List<String> lines) throws IOException {
        Path dir = Files.createTempDirectory("vigil-garbage");
        Path file = dir.resolve("traces.jsonl");
        try {
            Files.write(file, lines);
            Collected collected = new Collected();
            engine().analyze(List.of(file), null, collected);
            return collected;
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    /** Results with what legitimately differs (random ticket ids, source line numbers) taken out. */
    static final class Collected implements AnalysisListener {
        final List<String> runs = new ArrayList<>();
        final List<BestOfKResult> bestOfK = new ArrayList<>();
        final List<String> teams = new ArrayList<>();
        AnalysisSummary summary;

        @Override
        public void run(RunResult run) {
            StringBuilder text = new StringBuilder(run.runId())
                    .append(run.steps().stream()
                            .map(s -> s.quality() + "/" + s.reason() + "/" + s.stagnation())
                            .toList());
            run.tickets().forEach(t -> text.append(t.cause())
                    .append(t.severity())
                    .append(t.afterStep())
                    .append(t.escalated())
                    .append(t.decidedBy()));
            text.append(run.accuracyEffort()).append(run.pte()).append(run.erosionScore());
            runs.add(text.toString());
        }

        @Override
        public void bestOfK(BestOfKResult group) {
            bestOfK.add(group);
        }

        @Override
        public void team(TeamResult team) {
            teams.add(team.teamRunId() + team.metrics() + team.alerts() + team.skipped());
        }

        @Override
        public void finish(AnalysisSummary summary) {
            this.summary = summary;
        }
    }

    @Provide
    Arbitrary<List<String>> garbage() {
        Arbitrary<String> text = Arbitraries.strings()
                .withCharRange(' ', '~')
                .withCharRange('\u00a0', '\ud7ff')
                .ofMinLength(1)
                .ofMaxLength(120)
                .filter(s -> !s.isBlank() && !s.strip().startsWith("//"));
        Arbitrary<String> broken = Arbitraries.of(
                "{\"kind\":\"run\",\"run_id\":\"x\"}",
                "{\"kind\":\"team_run\",\"team_run_id\":\"t\",\"task_id\":\"x\",\"agent_runs\":[]}",
                "{\"kind\":\"run\",\"run_id\":\"r\",\"agent_id\":\"a\",\"termination_reason\":\"completed\",\"turns\":[{\"turn_number\":0,\"finish_reason\":\"stop\"}]}",
                "[]",
                "{\"kind\":\"run\"");
        return Arbitraries.oneOf(text, broken).list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }
}
