package dev.vigil.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.ToolCall;
import dev.vigil.spi.model.Turn;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Test-only reader for SWE-agent {@code .traj} files, until the assembly's ingest lands. Each trajectory entry becomes
 * one turn (turn number = entry index + 1) whose single tool call is the entry's action: the tool name is the
 * action's first word ({@code edit}, {@code python}, ...) and the full action text is kept as raw arguments (F12).
 * A turn finishes with ERROR when its observation reports a failed edit (SWE-agent's linter rejecting the edit, e.g.
 * E999 SyntaxError); otherwise with TOOL_USE. The run has no source steps, so segmentation (F1) gives one step per
 * turn, step i holding entry i.
 */
final class SweAgentTrajectoryReader {

    /** What SWE-agent prints when its linter rejects an edit. */
    static final String FAILED_EDIT_MARKER = "Your proposed edit has introduced new syntax error";

    private SweAgentTrajectoryReader() {}

    static Run read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        String exitStatus = root.path("info").path("exit_status").asText("");
        TerminationReason termination =
                exitStatus.equals("submitted") ? TerminationReason.COMPLETED : TerminationReason.ERROR;
        String runId = file.getFileName().toString();
        Run.Builder run = Run.builder(runId, "swe-agent-gpt4", runId, termination);
        if (termination == TerminationReason.ERROR) {
            run.errorMessage("exit_status " + exitStatus);
        }
        JsonNode trajectory = root.path("trajectory");
        for (int i = 0; i < trajectory.size(); i++) {
            JsonNode entry = trajectory.get(i);
            String action = entry.path("action").asText("").strip();
            String observation = entry.path("observation").asText("");
            String tool = action.isEmpty() ? "noop" : action.split("\\s+", 2)[0];
            FinishReason finish = isFailedEdit(observation) ? FinishReason.ERROR : FinishReason.TOOL_USE;
            run.turn(Turn.builder(i + 1, finish)
                    .toolCall(ToolCall.ofRawArguments(tool, action, null))
                    .build());
        }
        return run.build();
    }

    static boolean isFailedEdit(String observation) {
        return observation.contains(FAILED_EDIT_MARKER) || observation.contains("E999 SyntaxError");
    }
}
