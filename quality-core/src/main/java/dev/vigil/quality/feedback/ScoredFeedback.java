package dev.vigil.quality.feedback;

import dev.vigil.quality.internal.Checks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deterministic, LLM-free client review (quality.md §5): scores each acceptance criterion against the deliverable
 * summary and accepts when the mean score reaches a strictness-scaled threshold and no criterion falls below the
 * passing score.
 *
 * <ul>
 *   <li>A criterion found (ignoring case) in the summary scores 1.0.
 *   <li>Any other criterion gets a stable pseudo-score in [0.3, 0.7995] derived from SHA-256 of
 *       {@code summary + "||" + criterion} (decision F4): the same input always gets the same score.
 *   <li>No criteria at all means one criterion, {@code __default__}.
 *   <li>threshold = min(1.0, passingScore × strictnessMultiplier); accepted when mean ≥ threshold and every
 *       criterion scored at least passingScore.
 * </ul>
 *
 * Build it for a client with {@link #forProfile}, which turns the profile's strictness into the multiplier.
 * Immutable and thread-safe.
 */
public final class ScoredFeedback {

    /** The criterion used when a review has none (a constant, settings.md §9). */
    public static final String DEFAULT_CRITERION = "__default__";

    /** Lowest fallback score (a constant, settings.md §9). */
    public static final double FALLBACK_SCORE_FLOOR = 0.3;

    /** Width of the fallback score band (a constant, settings.md §9). */
    public static final double FALLBACK_SCORE_WIDTH = 0.5;

    /** The strategy name reported in the log event. */
    public static final String STRATEGY = "scored";

    /** A criterion found in the summary: full marks. */
    private static final double FOUND_SCORE = 1.0;

    /** The threshold never exceeds a perfect score. */
    private static final double MAX_THRESHOLD = 1.0;

    /** The fallback fraction has three decimal digits: (h mod 1000) / 1000. */
    private static final long FRACTION_BUCKETS = 1000L;

    /** Bytes of the digest read as the unsigned 64-bit h. */
    private static final int HASH_BYTES = 8;

    private static final Logger LOG = LoggerFactory.getLogger(ScoredFeedback.class);

    private final String clientId;
    private final double passingScore;
    private final double strictnessMultiplier;
    private final Clock clock;

    /**
     * A reviewer with an explicit multiplier and the UTC system clock.
     *
     * @throws IllegalArgumentException {@code passingScore must be in [0.0, 1.0], got 1.2} or
     *     {@code strictnessMultiplier must be > 0, got 0.0}
     */
    public ScoredFeedback(String clientId, double passingScore, double strictnessMultiplier) {
        this(clientId, passingScore, strictnessMultiplier, Clock.systemUTC());
    }

    /** As {@link #ScoredFeedback(String, double, double)}, with {@code clock} stamping the feedback. */
    public ScoredFeedback(String clientId, double passingScore, double strictnessMultiplier, Clock clock) {
        this.clientId = Checks.notBlank(clientId, "clientId");
        this.passingScore = Checks.unitInterval(passingScore, "passingScore");
        this.strictnessMultiplier = Checks.positive(strictnessMultiplier, "strictnessMultiplier");
        this.clock = Checks.required(clock, "clock");
    }

    /** The reviewer for {@code profile}: multiplier {@link ScoredFeedbackConfig#multiplierFor}. */
    public static ScoredFeedback forProfile(ClientProfile profile, ScoredFeedbackConfig config) {
        return forProfile(profile, config, Clock.systemUTC());
    }

    /** The reviewer for {@code profile}, with {@code clock} stamping the feedback. */
    public static ScoredFeedback forProfile(ClientProfile profile, ScoredFeedbackConfig config, Clock clock) {
        Checks.required(config, "config");
        return new ScoredFeedback(profile.clientId(), config.passingScore(), config.multiplierFor(profile), clock);
    }

    /** The reviewing client. */
    public String clientId() {
        return clientId;
    }

    /** The per-criterion passing score. */
    public double passingScore() {
        return passingScore;
    }

    /** The threshold multiplier in use. */
    public double strictnessMultiplier() {
        return strictnessMultiplier;
    }

    /** The acceptance threshold: min(1.0, passingScore × strictnessMultiplier). */
    public double threshold() {
        return Math.min(MAX_THRESHOLD, passingScore * strictnessMultiplier);
    }

    /**
     * Reviews {@code context} as the class description says; logs debug {@code vigil.feedback.review_completed}.
     * Rejections explain themselves: {@code Mean score 0.78 below threshold 1.00}, or
     * {@code 1 criteria below passing score} when the mean passes but some criterion does not.
     */
    public ClientFeedback evaluate(ReviewContext context) {
        Checks.required(context, "context");
        List<String> criteria =
                context.acceptanceCriteria().isEmpty() ? List.of(DEFAULT_CRITERION) : context.acceptanceCriteria();
        String summary = context.deliverableSummary();
        String summaryLower = summary.toLowerCase(Locale.ROOT);
        Map<String, Double> scores = new LinkedHashMap<>();
        List<String> unmet = new ArrayList<>();
        for (String criterion : criteria) {
            double score =
                    scores.containsKey(criterion) ? scores.get(criterion) : score(summary, summaryLower, criterion);
            scores.putIfAbsent(criterion, score);
            if (score < passingScore) {
                unmet.add(criterion);
            }
        }
        double sum = 0.0;
        for (double score : scores.values()) {
            sum += score;
        }
        double mean = sum / scores.size();
        double threshold = threshold();
        boolean accepted = mean >= threshold && unmet.isEmpty();
        LOG.atDebug()
                .setMessage(FeedbackEvents.REVIEW_COMPLETED)
                .addKeyValue("task_id", context.taskId())
                .addKeyValue("client_id", clientId)
                .addKeyValue("accepted", accepted)
                .addKeyValue("mean_score", mean)
                .addKeyValue("threshold", threshold)
                .addKeyValue("strategy", STRATEGY)
                .log();
        if (accepted) {
            return new ClientFeedback(null, context.taskId(), clientId, true, null, scores, List.of(), clock.instant());
        }
        String reason = mean < threshold
                ? String.format(Locale.ROOT, "Mean score %.2f below threshold %.2f", mean, threshold)
                : unmet.size() + " criteria below passing score";
        return new ClientFeedback(null, context.taskId(), clientId, false, reason, scores, unmet, clock.instant());
    }

    /**
     * One criterion's score: 1.0 when it occurs in the summary (ignoring case), else the SHA-256 fallback
     * 0.3 + ((h mod 1000) / 1000.0) × 0.5, h being the first 8 digest bytes as an unsigned big-endian integer.
     */
    public static double score(String deliverableSummary, String criterion) {
        Checks.required(deliverableSummary, "deliverableSummary");
        Checks.required(criterion, "criterion");
        return score(deliverableSummary, deliverableSummary.toLowerCase(Locale.ROOT), criterion);
    }

    private static double score(String summary, String summaryLower, String criterion) {
        if (summaryLower.contains(criterion.toLowerCase(Locale.ROOT))) {
            return FOUND_SCORE;
        }
        byte[] digest = sha256((summary + "||" + criterion).getBytes(StandardCharsets.UTF_8));
        long h = 0L;
        for (int i = 0; i < HASH_BYTES; i++) {
            h = (h << Byte.SIZE) | (digest[i] & 0xFF);
        }
        double fraction = Long.remainderUnsigned(h, FRACTION_BUCKETS) / (double) FRACTION_BUCKETS;
        return FALLBACK_SCORE_FLOOR + fraction * FALLBACK_SCORE_WIDTH;
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
