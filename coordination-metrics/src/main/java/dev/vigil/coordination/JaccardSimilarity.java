package dev.vigil.coordination;

import dev.vigil.coordination.internal.Checks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The built-in similarity (F7): the Jaccard index |A ∩ B| / |A ∪ B| of the two outputs' token sets, where a token is
 * a maximal run of letters or digits ({@link Character#isLetterOrDigit(int)}), lower-cased with {@link Locale#ROOT}.
 * Two outputs without any token are identical (1.0). "the cat sat" vs "the cat ran" gives 2 / 4 = 0.5.
 */
public final class JaccardSimilarity implements SimilarityComputer {

    /** Creates the stateless Jaccard similarity. */
    public JaccardSimilarity() {}

    /**
     * @throws IllegalArgumentException {@code outputs must not be null}, {@code outputs must not contain null}
     */
    @Override
    public List<Double> pairwiseSimilarity(List<String> outputs) {
        List<String> texts = Checks.copyList("outputs", outputs);
        List<Set<String>> tokenSets = new ArrayList<>(texts.size());
        for (String text : texts) {
            tokenSets.add(tokens(text));
        }
        List<Double> similarities = new ArrayList<>();
        for (int i = 0; i < tokenSets.size(); i++) {
            for (int j = i + 1; j < tokenSets.size(); j++) {
                similarities.add(similarity(tokenSets.get(i), tokenSets.get(j)));
            }
        }
        return List.copyOf(similarities);
    }

    /** The Jaccard similarity of two texts. */
    public static double similarity(String a, String b) {
        return similarity(tokens(Checks.notNull("a", a)), tokens(Checks.notNull("b", b)));
    }

    /** The set of lower-cased letter-or-digit runs of {@code text}. */
    public static Set<String> tokens(String text) {
        Set<String> tokens = new HashSet<>();
        int start = -1;
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            if (Character.isLetterOrDigit(codePoint)) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                tokens.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
            i += Character.charCount(codePoint);
        }
        if (start >= 0) {
            tokens.add(text.substring(start).toLowerCase(Locale.ROOT));
        }
        return tokens;
    }

    private static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1.0;
        }
        int intersection = 0;
        for (String token : a) {
            if (b.contains(token)) {
                intersection++;
            }
        }
        int union = a.size() + b.size() - intersection;
        return intersection / (double) union;
    }
}
