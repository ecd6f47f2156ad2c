package dev.vigil.app.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.spi.model.AgentMessage;
import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.TeamRun;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.Turn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatDevFormatTest {

    static final Path REAL = TauBenchFormatTest.TRACES.resolve("chatdev-RPG_V1-20231026174838.log");

    @TempDir
    Path dir;

    @Test
    void readsTheRealLogAsOneTeamRun() throws IOException {
        Read read = read(REAL);

        assertEquals(List.of(), read.problems);
        assertEquals(1, read.teams.size());
        TeamRun team = read.teams.get(0);
        assertEquals("RPG_V1_20231026174838", team.teamRunId());
        assertEquals("RPG_V1", team.taskId());
        // Agents are the roles that speak, in order of first appearance (`grep -n 'Start Chat\|<->' file`).
        assertEquals(
                List.of(
                        "Chief Executive Officer",
                        "Chief Product Officer",
                        "Chief Technology Officer",
                        "Programmer",
                        "Code Reviewer",
                        "Software Test Engineer",
                        "Counselor"),
                team.agentRuns().stream().map(Run::agentId).toList());
        assertEquals("Chief Executive Officer", team.leadAgentId());
        assertEquals(7, team.teamSize());
        // `grep -c 'Start Chat' file` = 13 and `grep -c '<->' file` = 13: 26 utterances, as Post Info's
        // num_utterances says.
        assertEquals(26, team.messageCount());
        AgentMessage first = team.messages().get(0);
        assertEquals(
                new AgentMessage(
                        "Chief Executive Officer",
                        "Chief Product Officer",
                        Instant.parse("2023-10-26T17:48:38Z"),
                        "DemandAnalysis"),
                first);
        // `grep -c 'OpenAI_Usage_Info Receive' file` = 13 LLM calls, one per `<->` reply, by speaker
        // (`grep '<->' file | sed 's/.*INFO\] \([^:]*\):.*/\1/' | sort | uniq -c`): Programmer 6, Code Reviewer 3,
        // CPO 2, CTO 1, CEO 1; the Software Test Engineer and the Counselor only open chats.
        assertEquals(
                List.of(1, 2, 1, 6, 3, 0, 0),
                team.agentRuns().stream().map(r -> r.turns().size()).toList());
        // The usage blocks add up to Post Info's num_prompt_tokens 21525 and num_completion_tokens 5258.
        assertEquals(21_525, team.turns().stream().mapToLong(Turn::inputTokens).sum());
        assertEquals(5_258, team.turns().stream().mapToLong(Turn::outputTokens).sum());
        assertEquals(
                0,
                team.turns().stream()
                        .filter(t -> t.finishReason() == FinishReason.ERROR)
                        .count());
        team.agentRuns().forEach(r -> assertEquals(TerminationReason.COMPLETED, r.terminationReason()));
    }

    @Test
    void readsTheDayMonthSwappedTimestamps() throws IOException {
        TeamRun team = read(REAL).teams.get(0);
        // `[2023-26-10 17:48:38 INFO]` is 26 October; the last entry is 18:08:12. Post Info: duration=1174.00s.
        Run ceo = team.agentRuns().get(0);
        assertEquals(Instant.parse("2023-10-26T17:48:38Z"), ceo.startedAt());
        assertEquals(Instant.parse("2023-10-26T18:08:12Z"), ceo.endedAt());
        assertEquals(1174.0, team.makespanSeconds());
        // The Coding reply (line 278): prompt at 17:48:43, usage received at 17:50:06.
        Turn coding = team.agentRuns().get(3).turns().get(0);
        assertEquals(Instant.parse("2023-10-26T17:48:43Z"), coding.startedAt());
        assertEquals(Instant.parse("2023-10-26T17:50:06Z"), coding.endedAt());
        assertEquals(83_000.0, coding.latencyMs());
    }

    @Test
    void keepsRetriesTestReportsAndPostInfo() throws IOException {
        TeamRun team = read(REAL).teams.get(0);
        Run programmer = team.agentRuns().get(3);
        // Lines 1040-1041: two rate-limit errors before the Programmer's second reply; lines 2641-2642: two
        // connection retries before its fourth.
        assertEquals(2, programmer.turns().get(1).retryCount());
        assertEquals("rate_limit_exceeded", programmer.turns().get(1).retryReason());
        assertEquals(2, programmer.turns().get(3).retryCount());
        assertEquals("connection_retry", programmer.turns().get(3).retryReason());
        assertEquals(
                List.of(
                        "chatdev-RPG_V1-20231026174838.log:278",
                        "chatdev-RPG_V1-20231026174838.log:1050",
                        "chatdev-RPG_V1-20231026174838.log:1710",
                        "chatdev-RPG_V1-20231026174838.log:2651",
                        "chatdev-RPG_V1-20231026174838.log:3250",
                        "chatdev-RPG_V1-20231026174838.log:3788"),
                programmer.metadata().get("step_origins"));

        @SuppressWarnings("unchecked")
        Map<String, Object> teamInfo =
                (Map<String, Object>) team.agentRuns().get(0).metadata().get("team");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> reports = (List<Map<String, Object>>) teamInfo.get("test_reports");
        // `grep -n 'Test Reports\]' file`: lines 3005 and 3014 report ModuleNotFoundError; line 3571 says "The
        // software run successfully without errors." (after `pip install pygame`).
        assertEquals(
                List.of(3005L, 3014L, 3571L),
                reports.stream().map(r -> r.get("line")).toList());
        assertEquals(
                List.of(false, false, true),
                reports.stream().map(r -> r.get("passed")).toList());
        assertEquals(
                "ModuleNotFoundError: No module named 'pygame'", reports.get(0).get("summary"));
        assertEquals(2L, teamInfo.get("failed_test_reports"));
        @SuppressWarnings("unchecked")
        Map<String, Object> postInfo = (Map<String, Object>) teamInfo.get("post_info");
        assertEquals(26L, postInfo.get("num_utterances"));
        assertEquals(0.042804, postInfo.get("cost"));
        assertEquals(1174.0, postInfo.get("duration"));
        assertEquals("帮我写一个2D横版射击RPG游戏", teamInfo.get("task_prompt"));
    }

    @Test
    void readsMonthFirstDatesWhenTheFileSaysSo() throws IOException {
        // 26 in the third field can only be a day: this file writes yyyy-MM-dd.
        Read read = readText(exchange("2023-10-26 09:00:00", "2023-10-26 09:00:05", "2023-10-26 09:00:05") + "\n");
        Turn turn = read.teams.get(0).agentRuns().get(1).turns().get(0);
        assertEquals(Instant.parse("2023-10-26T09:00:05Z"), turn.endedAt());
        assertEquals(5_000.0, turn.latencyMs());
    }

    @Test
    void settlesAmbiguousDatesWithTheRunTimestamp() throws IOException {
        String preprocessing = "[2023-05-06 08:00:00 INFO] **[Preprocessing]**\n\n**Timestamp**: 20230605080000\n\n";
        Read dayFirst =
                readText(preprocessing + exchange("2023-05-06 08:00:01", "2023-05-06 08:00:02", "2023-05-06 08:00:02"));
        assertEquals(
                Instant.parse("2023-06-05T08:00:02Z"),
                dayFirst.teams.get(0).agentRuns().get(1).turns().get(0).endedAt());

        Read monthFirst = readText(preprocessing.replace("20230605", "20230506")
                + exchange("2023-05-06 08:00:01", "2023-05-06 08:00:02", "2023-05-06 08:00:02"));
        assertEquals(
                Instant.parse("2023-05-06T08:00:02Z"),
                monthFirst.teams.get(0).agentRuns().get(1).turns().get(0).endedAt());
    }

    @Test
    void reportsBadEntriesAndKeepsTheRest() throws IOException {
        String log = exchange("2023-26-10 10:00:00", "2023-26-10 10:00:03", "2023-26-10 10:00:03")
                + "[2023-40-40 10:00:04 INFO] Programmer: **[Start Chat]**\n\nlost\n\n"
                + "[2023-26-10 10:00:05 INFO] **[OpenAI_Usage_Info Receive]**\nprompt_tokens: lots\ncompletion_tokens: 2\n"
                + "total_tokens: 3\ncost: $0.1\n\n"
                + "[2023-26-10 10:00:06 INFO] Chief Product Officer: **Chief Product Officer<->Chief Executive Officer"
                + " on : Manual, turn 0**\n\nreply\n\n";
        Read read = readText(log);

        assertEquals(
                List.of(
                        "c.log:23: timestamp: '2023-40-40 10:00:04 INFO' is not a date and time (read as yyyy-dd-MM"
                                + " HH:mm:ss)",
                        "c.log:27: prompt_tokens: must be a non-negative integer, got 'lots'"),
                read.problems.stream().map(InputProblem::toString).toList());
        TeamRun team = read.teams.get(0);
        assertEquals(3, team.messageCount(), "two utterances of the first exchange and the last reply");
        Run cpo = team.agentRuns().get(1);
        assertEquals(
                List.of(10L, 0L), cpo.turns().stream().map(Turn::inputTokens).toList(), "a bad block is no usage");
        assertEquals(TerminationReason.ERROR, cpo.terminationReason(), "no [Post Info]: ChatDev did not finish");
        assertEquals("the log ends before **[Post Info]**: ChatDev did not finish", cpo.errorMessage());
    }

    @Test
    void aLogWithoutUtterancesIsReported() throws IOException {
        Read read = readText("[2023-26-10 10:00:00 INFO] flask app.py did not start for online log\n");
        assertEquals(List.of(), read.teams);
        assertEquals(
                "c.log:1: file: no ChatDev utterances ([Start Chat] or A<->B replies) found",
                read.problems.get(0).toString());
    }

    @Test
    void malformedUtf8DoesNotStopTheLog() throws IOException {
        Path file = dir.resolve("bad.log");
        String log = exchange("2023-26-10 10:00:00", "2023-26-10 10:00:03", "2023-26-10 10:00:03");
        Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, '\n'});
        Files.writeString(file, log, java.nio.file.StandardOpenOption.APPEND);
        Read read = read(file);
        assertEquals(List.of(), read.problems);
        assertEquals(2, read.teams.get(0).messageCount());
    }

    @Test
    void detectsChatDevByContent() throws IOException {
        ChatDevFormat format = new ChatDevFormat();
        assertTrue(format.detect(REAL, TraceFormats.head(REAL)));
        assertTrue(format.detect(Path.of("x.txt"), "[2023-26-10 17:48:38 INFO] **[Preprocessing]**\n"));
        assertFalse(format.detect(Path.of("x.log"), "[2023-26-10 17:48:38 INFO] server started\n"));
        assertFalse(format.detect(TauBenchFormatTest.REAL, TraceFormats.head(TauBenchFormatTest.REAL)));
    }

    /** A CEO → CPO chat: the prompt, the usage block and the reply. */
    static String exchange(String promptAt, String usageAt, String replyAt) {
        return "[" + promptAt + " INFO] System: **[chatting]**\n\n| Parameter | Value |\n| --- | --- |\n"
                + "| **assistant_role_name** | Chief Product Officer |\n| **user_role_name** | Chief Executive Officer |\n"
                + "| **phase_name** | DemandAnalysis |\n\n"
                + "[" + promptAt + " INFO] Chief Executive Officer: **[Start Chat]**\n\nWhich modality?\n\n"
                + "[" + usageAt + " INFO] **[OpenAI_Usage_Info Receive]**\nprompt_tokens: 10\ncompletion_tokens: 2\n"
                + "total_tokens: 12\ncost: $0.001\n\n"
                + "[" + replyAt + " INFO] Chief Product Officer: **Chief Product Officer<->Chief Executive Officer on :"
                + " DemandAnalysis, turn 0**\n\n<INFO> Application\n\n";
    }

    private Read readText(String text) throws IOException {
        Path file = dir.resolve("c.log");
        Files.writeString(file, text);
        return read(file);
    }

    static Read read(Path file) throws IOException {
        List<TraceRecord> records = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        new ChatDevFormat().read(file, records::add, problems::add);
        return new Read(
                records.stream()
                        .map(r -> assertInstanceOf(TraceRecord.Team.class, r).teamRun())
                        .toList(),
                problems);
    }

    record Read(List<TeamRun> teams, List<InputProblem> problems) {}
}
