package dev.vigil.quality.feedback;

import dev.vigil.quality.internal.Checks;
import java.util.List;

/**
 * A simulated client who reviews deliverables; stricter clients demand higher scores.
 *
 * @param clientId NotBlank
 * @param name NotBlank
 * @param persona a short description of the client, NotBlank
 * @param expertiseDomains the client's domains, each NotBlank (default empty)
 * @param strictnessLevel in [0.0, 1.0], default 0.5 (neutral with the default multiplier)
 */
public record ClientProfile(
        String clientId, String name, String persona, List<String> expertiseDomains, double strictnessLevel) {

    /** The default strictness: neutral with the default multiplier 2.0. */
    public static final double DEFAULT_STRICTNESS = 0.5;

    /** Validates and copies. */
    public ClientProfile {
        Checks.notBlank(clientId, "clientId");
        Checks.notBlank(name, "name");
        Checks.notBlank(persona, "persona");
        expertiseDomains = Checks.notBlankListCopy(expertiseDomains, "expertiseDomains");
        Checks.unitInterval(strictnessLevel, "strictnessLevel");
    }

    /** A profile with no expertise domains and the default strictness 0.5. */
    public ClientProfile(String clientId, String name, String persona) {
        this(clientId, name, persona, List.of(), DEFAULT_STRICTNESS);
    }
}
