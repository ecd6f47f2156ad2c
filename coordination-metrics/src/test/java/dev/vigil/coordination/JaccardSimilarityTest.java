package dev.vigil.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** coordination.md §8 (F7). */
class JaccardSimilarityTest {

    private final JaccardSimilarity jaccard = new JaccardSimilarity();

    @Test
    void pairsComeInLexicographicOrder() {
        List<Double> pairs = jaccard.pairwiseSimilarity(List.of("a b", "a", "b", "a b"));
        // (0,1) (0,2) (0,3) (1,2) (1,3) (2,3)
        assertEquals(List.of(0.5, 0.5, 1.0, 0.0, 0.5, 0.5), pairs);
    }

    @Test
    void tokensAreLowerCasedLetterOrDigitRuns() {
        assertEquals(Set.of("hello", "world", "42", "x1"), JaccardSimilarity.tokens("Hello, WORLD! 42 -- x1"));
        assertEquals(Set.of("größe", "日本語"), JaccardSimilarity.tokens("GRÖßE; 日本語"));
        // A supplementary letter (U+1D400 MATHEMATICAL BOLD CAPITAL A) stays inside its token.
        assertEquals(Set.of("a\uD835\uDC00b"), JaccardSimilarity.tokens("a\uD835\uDC00b"));
    }

    @Test
    void twoTokenlessOutputsAreIdentical() {
        assertEquals(1.0, JaccardSimilarity.similarity("", "?!"));
        assertEquals(0.0, JaccardSimilarity.similarity("", "word"));
    }

    @Test
    void fewerThanTwoOutputsGiveNoPairs() {
        assertEquals(List.of(), jaccard.pairwiseSimilarity(List.of("only one")));
        assertEquals(List.of(), jaccard.pairwiseSimilarity(List.of()));
    }
}
