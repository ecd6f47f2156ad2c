package dev.vigil.quality.verification;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/** The grader's grades and confidence stay in [0, 1] for any probe and payload text: empty, huge, non-ASCII. */
class HeuristicRubricGraderPropertiesTest {

    @Provide
    Arbitrary<String> hostileText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(20),
                Arbitraries.of("", " ", "İ", "ß", "😀😀", "ＡＢＣ", "\uD83D", "ǅ", "Login Page"),
                Arbitraries.strings().ofMinLength(50_000).ofMaxLength(100_000).withChars('a', 'b', ' '));
    }

    @Provide
    Arbitrary<List<String>> hostileSources() {
        return Arbitraries.oneOf(
                        Arbitraries.strings().all().ofMaxLength(200),
                        Arbitraries.of("", " ", "İ", "ß", "😀", "ＡＢＣ", "\uD83D", "ǅ", "login page"),
                        Arbitraries.strings()
                                .ofMinLength(10_000)
                                .ofMaxLength(20_000)
                                .withChars('a', 'b', ' '))
                .list()
                .ofMaxSize(10);
    }

    @Property(tries = 200)
    void gradesAndConfidenceStayInTheUnitInterval(
            @ForAll("hostileText") String payloadText,
            @ForAll("hostileSources") List<String> probeSources,
            @ForAll @DoubleRange(min = 0.0, max = 1.0) double passThreshold,
            @ForAll @DoubleRange(min = 0.0, max = 1.0) double passGrade,
            @ForAll @DoubleRange(min = 0.0, max = 1.0) double failGrade,
            @ForAll @DoubleRange(min = 0.0, max = 1.0) double ceiling,
            @ForAll @DoubleRange(min = 0.0, max = 1.0) double bias) {
        HeuristicRubricGrader grader = new HeuristicRubricGrader(
                new HeuristicGraderConfig(passThreshold, passGrade, failGrade, ceiling, bias), Clock.systemUTC());
        List<AtomicProbe> probes = new ArrayList<>();
        for (int i = 0; i < probeSources.size(); i++) {
            String source = probeSources.get(i).isBlank() ? "blank-" + i : probeSources.get(i);
            probes.add(new AtomicProbe("p-" + i, "probe " + i, source));
        }
        HandoffArtifact artifact = HandoffArtifact.of("gen", "eval", "a", "b", Map.of("text", payloadText));

        VerificationResult result = grader.grade(artifact, Rubrics.FRONTEND_DESIGN, probes, "gen", "eval");

        assertTrue(result.confidence() >= 0.0 && result.confidence() <= 1.0, "confidence " + result.confidence());
        for (double grade : result.perCriterionGrades().values()) {
            assertTrue(grade >= 0.0 && grade <= 1.0, "grade " + grade);
        }
        assertTrue(result.perCriterionGrades()
                .keySet()
                .containsAll(List.of("design", "originality", "craft", "functionality")));
    }
}
