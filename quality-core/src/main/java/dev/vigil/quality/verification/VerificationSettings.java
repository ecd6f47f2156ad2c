package dev.vigil.quality.verification;

import dev.vigil.spi.settings.Constraint;
import dev.vigil.spi.settings.Reload;
import dev.vigil.spi.settings.Setting;

/**
 * The settings of rubric verification (settings.md §2, {@code engine.quality.heuristic.*} and
 * {@code engine.quality.verification.*}), declared next to the config records that read them
 * ({@link HeuristicGraderConfig}, {@link VerificationConfig}). {@code QualitySettings} re-exports each of them under
 * its historical name and lists them in {@code QualitySettings.all()}.
 */
public final class VerificationSettings {

    /** Heuristic grader: probe-match ratio at or above which the run earns PASS. */
    public static final Setting<Double> HEURISTIC_PASS_THRESHOLD = Setting.ofDouble(
            "engine.quality.heuristic.pass_threshold",
            0.5,
            Constraint.between(0.0, 1.0),
            Reload.LIVE,
            "Seed. The probe-pass ratio at or above which a run earns PASS; 0.5 means \"at least half the probes"
                    + " match\". Audit-set placeholder.");

    /** Heuristic grader: per-criterion grade on pass. */
    public static final Setting<Double> HEURISTIC_PASS_GRADE = Setting.ofDouble(
            "engine.quality.heuristic.pass_grade",
            0.8,
            Constraint.between(0.0, 1.0),
            Reload.LIVE,
            "Seed. Per-criterion grade on pass. Together with the fail grade it gives a clean PASS-vs-FAIL split"
                    + " that consumers can threshold on.");

    /** Heuristic grader: per-criterion grade on fail. */
    public static final Setting<Double> HEURISTIC_FAIL_GRADE = Setting.ofDouble(
            "engine.quality.heuristic.fail_grade",
            0.3,
            Constraint.between(0.0, 1.0),
            Reload.LIVE,
            "Seed. Per-criterion grade on fail.");

    /** Heuristic grader: the maximum confidence. */
    public static final Setting<Double> HEURISTIC_CONFIDENCE_CEILING = Setting.ofDouble(
            "engine.quality.heuristic.confidence_ceiling",
            0.9,
            Constraint.between(0.0, 1.0),
            Reload.LIVE,
            "Seed. The maximum confidence: the heuristic is deterministic but not authoritative.");

    /** Heuristic grader: additive confidence bias. */
    public static final Setting<Double> HEURISTIC_CONFIDENCE_BIAS = Setting.ofDouble(
            "engine.quality.heuristic.confidence_bias",
            0.1,
            Constraint.between(0.0, 1.0),
            Reload.LIVE,
            "Seed. Additive bias, so every grading returns some confidence.");

    /** Which criteria decomposer verification uses. */
    public static final Setting<DecomposerVariant> DECOMPOSER = Setting.ofEnum(
            "engine.quality.verification.decomposer",
            DecomposerVariant.class,
            DecomposerVariant.IDENTITY,
            Reload.LIVE,
            "Criteria → probes.");

    /** Which rubric grader verification uses. */
    public static final Setting<GraderVariant> GRADER = Setting.ofEnum(
            "engine.quality.verification.grader",
            GraderVariant.class,
            GraderVariant.HEURISTIC,
            Reload.LIVE,
            "The only shipped grader.");

    /** Optional confidence floor applied to graders other than the heuristic one; unset by default. */
    public static final Setting<Double> MIN_CONFIDENCE_OVERRIDE = Setting.ofDouble(
            "engine.quality.verification.min_confidence_override",
            null,
            Constraint.between(0.0, 1.0),
            Reload.LIVE,
            "A confidence floor for non-heuristic graders (quality.md §4.8).");

    private VerificationSettings() {}
}
