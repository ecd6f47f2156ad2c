package dev.vigil.coordination;

import java.util.List;

/**
 * Compares agent outputs for the redundancy metric. Implementations may wrap an embedding service; the built-in one
 * is {@link JaccardSimilarity} (F7).
 */
@FunctionalInterface
public interface SimilarityComputer {

    /**
     * One similarity in [0, 1] per unordered pair of outputs, in lexicographic pair order (0,1), (0,2), ..., (1,2),
     * ...; n outputs give n(n−1)/2 values.
     */
    List<Double> pairwiseSimilarity(List<String> outputs);
}
