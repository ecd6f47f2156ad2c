package dev.vigil.quality.grounded;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Word-level text measures the grounded classifier uses: words, shingles, Jaccard similarity, argument words. */
final class Lexicon {

    /** A word is a run of letters or digits, compared in lower case. */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /**
     * Common English function words, which carry no evidence: an answer is not "supported" because the results also
     * contain "the". A fixed linguistic list (settings.md §9 kind of constant), not a tunable.
     */
    static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "is", "was", "are", "were", "be",
            "been", "by", "with", "from", "as", "that", "this", "these", "those", "it", "its", "which", "what", "who",
            "whom", "whose", "where", "when", "how", "why", "did", "does", "do", "has", "have", "had", "than", "then",
            "there", "their", "his", "her", "they", "he", "she", "i", "we", "you", "not", "no", "yes", "so", "but",
            "if", "also", "into", "about", "after", "before", "both", "only", "s");

    /** Multiplier of the polynomial hash that folds a shingle's words into one long. */
    private static final long SHINGLE_HASH_BASE = 1_000_003L;

    private Lexicon() {}

    /** The words of {@code text}, lower case, in order. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return words;
        }
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(matcher.group().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    /**
     * The {@code size}-word shingles of {@code words}, each folded into a 64-bit hash (collisions are negligible at
     * trace sizes). Fewer words than {@code size} give one shingle of all of them; no words give none.
     */
    static Set<Long> shingles(List<String> words, int size) {
        Set<Long> shingles = new HashSet<>();
        if (words.isEmpty()) {
            return shingles;
        }
        int last = Math.max(0, words.size() - size);
        for (int start = 0; start <= last; start++) {
            long hash = 0;
            for (int i = start; i < Math.min(words.size(), start + size); i++) {
                hash = hash * SHINGLE_HASH_BASE + words.get(i).hashCode();
            }
            shingles.add(hash);
        }
        return shingles;
    }

    /** |a ∩ b| / |a ∪ b|; two empty sets are identical (1.0). */
    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1.0;
        }
        int common = 0;
        for (String item : a) {
            if (b.contains(item)) {
                common++;
            }
        }
        return common / (double) (a.size() + b.size() - common);
    }

    /** The words of every leaf value (text, number, boolean) of a JSON argument map; keys are left out. */
    static Set<String> argumentWords(Map<String, Object> arguments) {
        Set<String> words = new HashSet<>();
        collect(arguments, words);
        return words;
    }

    private static void collect(Object value, Set<String> words) {
        if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collect(v, words));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collect(v, words));
        } else if (value != null) {
            words.addAll(words(String.valueOf(value)));
        }
    }

    /** Whether {@code text} has no word at all, or only a null marker: an empty result. */
    static boolean isEmptyResult(String text) {
        List<String> words = words(text);
        return words.isEmpty()
                || (words.size() == 1
                        && (words.get(0).equals("null") || words.get(0).equals("none")));
    }
}
