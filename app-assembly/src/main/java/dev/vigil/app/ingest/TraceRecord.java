package dev.vigil.app.ingest;

import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.TeamRun;
import java.util.List;

/** What an input format yields: single-agent runs (possibly best-of-K candidates) and team runs. */
public sealed interface TraceRecord {

    /** Where the record starts in its source, e.g. {@code traces.jsonl:12}. */
    String origin();

    /**
     * One agent's run.
     *
     * @param run the run
     * @param candidate set when the run is one of K candidates of its task
     * @param stepOrigins for each step of the run, where it came from in the source (message index, span id, entry)
     * @param origin where the run starts in the source
     */
    record SingleRun(Run run, CandidateInfo candidate, List<String> stepOrigins, String origin) implements TraceRecord {
        public SingleRun {
            stepOrigins = List.copyOf(stepOrigins);
        }
    }

    /**
     * A multi-agent execution.
     *
     * @param teamRun the team run
     * @param origin where it starts in the source
     */
    record Team(TeamRun teamRun, String origin) implements TraceRecord {}
}
