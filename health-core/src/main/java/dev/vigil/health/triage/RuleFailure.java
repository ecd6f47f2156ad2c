package dev.vigil.health.triage;

/**
 * A third-party triage rule that gave no usable answer (F9) and was counted as ABSTAIN.
 *
 * @param rule the rule's name ({@code <unknown>} when even {@code name()} failed)
 * @param errorType the exception's simple class name, {@code TimeoutException}, or {@code NullVerdict}
 * @param error a one-line description
 */
public record RuleFailure(String rule, String errorType, String error) {}
