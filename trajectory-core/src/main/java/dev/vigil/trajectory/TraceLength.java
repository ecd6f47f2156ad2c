package dev.vigil.trajectory;

import dev.vigil.spi.model.Candidate;
import dev.vigil.spi.model.ToolCall;
import dev.vigil.spi.model.ToolCallFingerprint;
import dev.vigil.spi.model.Turn;

/**
 * A run's trace length when its source recorded no token counts (issue 12).
 *
 * <p><b>The estimate.</b> The model's output is what it wrote: each turn's text ({@code Turn.content}) plus, for every
 * tool call, the tool name and the canonical JSON of its arguments. The estimate is that character count divided by
 * {@code engine.trajectory.selection.chars_per_token} (default 4.0, the usual rule of thumb for English text with
 * OpenAI-style BPE tokenizers), rounded up. It measures output length only, like {@code Candidate.traceTokens} when
 * it comes from {@code Run.totalOutputTokens()}, so tool results and user messages do not count.
 */
public final class TraceLength {

    private TraceLength() {}

    /**
     * Whether the candidate carries a token count: a positive {@code traceTokens}, or a run with output tokens.
     */
    public static boolean hasTokenCount(Candidate candidate) {
        Checks.required("candidate", candidate);
        return candidate.traceTokens() > 0 || candidate.run().totalOutputTokens() > 0;
    }

    /**
     * The estimated output tokens of the candidate's run: ceil(characters the model wrote / charsPerToken).
     *
     * @throws IllegalArgumentException when charsPerToken is not finite and &gt; 0
     */
    public static long estimateTokens(Candidate candidate, double charsPerToken) {
        Checks.required("candidate", candidate);
        Checks.positive("charsPerToken", Checks.finite("charsPerToken", charsPerToken));
        long chars = 0;
        for (Turn turn : candidate.run().turns()) {
            if (turn.content() != null) {
                chars += turn.content().length();
            }
            for (ToolCall call : turn.toolCalls()) {
                chars += call.name().length();
                chars += ToolCallFingerprint.canonicalJson(call.arguments()).length();
            }
        }
        return (long) Math.ceil(chars / charsPerToken);
    }

    /**
     * The length the scorer uses: the candidate's {@code traceTokens}, or the estimate when {@code estimate} is set.
     */
    static long tokensFor(Candidate candidate, boolean estimate, double charsPerToken) {
        return estimate ? estimateTokens(candidate, charsPerToken) : candidate.traceTokens();
    }
}
