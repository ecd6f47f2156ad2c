package dev.vigil.app.analysis;

import dev.vigil.coordination.AmdahlCeiling;
import dev.vigil.coordination.CoordinationEfficiency;
import dev.vigil.coordination.CoordinationOverhead;
import dev.vigil.coordination.ErrorAmplification;
import dev.vigil.coordination.MessageDensity;
import dev.vigil.coordination.MessageOverhead;
import dev.vigil.coordination.RedundancyRate;
import dev.vigil.coordination.StragglerGap;
import dev.vigil.coordination.TokenSpeedupRatio;
import java.util.LinkedHashMap;
import java.util.Map;

/** The report value of each coordination metric: its headline number, plus the figures a reader needs. */
final class TeamMetricValues {

    private TeamMetricValues() {}

    /** A number or a small map for {@code metric}, or null when the metric was not computed. */
    static Object of(Object metric) {
        if (metric == null) {
            return null;
        }
        Map<String, Object> value = new LinkedHashMap<>();
        if (metric instanceof CoordinationEfficiency m) {
            return m.value();
        } else if (metric instanceof CoordinationOverhead m) {
            return m.valuePercent();
        } else if (metric instanceof ErrorAmplification m) {
            return m.value();
        } else if (metric instanceof MessageDensity m) {
            return m.value();
        } else if (metric instanceof RedundancyRate m) {
            return m.value();
        } else if (metric instanceof AmdahlCeiling m) {
            value.put("parallelizable_fraction", m.parallelizableFraction());
            value.put("max_speedup", m.maxSpeedup());
            value.put("recommended_team_size", m.recommendedTeamSize());
        } else if (metric instanceof StragglerGap m) {
            value.put("gap_seconds", m.gapSeconds());
            value.put("gap_ratio", m.gapRatio());
            value.put("slowest_agent", m.slowestAgentId());
        } else if (metric instanceof TokenSpeedupRatio m) {
            value.put("ratio", m.ratio());
            value.put("alert", m.alert());
        } else if (metric instanceof MessageOverhead m) {
            value.put("messages", m.messageCount());
            value.put("quadratic", m.isQuadratic());
        } else {
            return String.valueOf(metric);
        }
        return value;
    }
}
