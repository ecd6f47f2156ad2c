package dev.vigil.routing;

import dev.vigil.spi.model.Complexity;
import java.util.List;

/** Small builders for agents and subtasks used across the routing tests. */
final class Fixtures {

    private Fixtures() {}

    static AgentIdentity agent(String name, SeniorityLevel level, SkillSet skills) {
        return new AgentIdentity(name, name, "Engineer", level, AgentStatus.ACTIVE, skills);
    }

    static AgentIdentity agent(String name, String role, SeniorityLevel level, SkillSet skills) {
        return new AgentIdentity(name, name, role, level, AgentStatus.ACTIVE, skills);
    }

    static SkillSet primary(Skill... skills) {
        return new SkillSet(List.of(skills), List.of());
    }

    static SkillSet secondary(Skill... skills) {
        return new SkillSet(List.of(), List.of(skills));
    }

    static Subtask subtask(String id, List<String> skills, List<String> tags, String role, Complexity complexity) {
        return new Subtask(id, skills, tags, role, complexity);
    }

    static Subtask skills(List<String> skills, Complexity complexity) {
        return new Subtask("s1", skills, List.of(), null, complexity);
    }
}
