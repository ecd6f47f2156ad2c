package dev.vigil.app.wiring;

import dev.vigil.app.settings.AssemblySettings;
import dev.vigil.spi.settings.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The assembly's stop sequence (settings.md §8): stages in a fixed order, each bounded by its own budget, the whole
 * bounded by {@code api.lifecycle.drain_timeout_seconds}. A stage over budget is abandoned with a warning and the next
 * one starts; when the outer budget runs out, the remaining stages are skipped.
 */
public final class ShutdownSequence {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSequence.class);

    /** One stage: a name, its budget and what it does. */
    public record Stage(String name, double budgetSeconds, Runnable action) {}

    private final List<Stage> stages = new ArrayList<>();
    private final double drainBudgetSeconds;

    public ShutdownSequence(double drainBudgetSeconds) {
        this.drainBudgetSeconds = drainBudgetSeconds;
    }

    /** A sequence with the outer budget from settings. */
    public static ShutdownSequence from(Settings settings) {
        return new ShutdownSequence(settings.get(AssemblySettings.DRAIN_TIMEOUT_SECONDS));
    }

    /** Appends a stage. */
    public ShutdownSequence stage(String name, double budgetSeconds, Runnable action) {
        stages.add(new Stage(name, budgetSeconds, action));
        return this;
    }

    /**
     * Runs the stages in order.
     *
     * @return the names of the stages that did not finish (over budget, failed or skipped)
     */
    public List<String> run() {
        long start = System.nanoTime();
        long deadline = start + (long) (drainBudgetSeconds * 1e9);
        List<String> unfinished = new ArrayList<>();
        ExecutorService runner = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "vigil-shutdown");
            thread.setDaemon(true); // an abandoned stage must not keep the JVM alive
            return thread;
        });
        try {
            for (int i = 0; i < stages.size(); i++) {
                Stage stage = stages.get(i);
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    List<String> skipped = stages.subList(i, stages.size()).stream()
                            .map(Stage::name)
                            .toList();
                    unfinished.addAll(skipped);
                    LOG.atWarn()
                            .setMessage("vigil.assembly.shutdown_drain_timeout")
                            .addKeyValue("budget_seconds", drainBudgetSeconds)
                            .addKeyValue("remaining_stages", String.join(",", skipped))
                            .log();
                    break;
                }
                long budget = Math.min(remaining, (long) (stage.budgetSeconds() * 1e9));
                Future<?> future = runner.submit(stage.action());
                try {
                    future.get(budget, TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    future.cancel(true);
                    unfinished.add(stage.name());
                    LOG.atWarn()
                            .setMessage("vigil.assembly.shutdown_stage_timeout")
                            .addKeyValue("stage", stage.name())
                            .addKeyValue("budget_seconds", stage.budgetSeconds())
                            .log();
                } catch (ExecutionException e) {
                    unfinished.add(stage.name());
                    LOG.atWarn()
                            .setMessage("vigil.assembly.shutdown_stage_failed")
                            .addKeyValue("stage", stage.name())
                            .addKeyValue("error", String.valueOf(e.getCause()))
                            .log();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    unfinished.add(stage.name());
                    break;
                }
            }
        } finally {
            runner.shutdownNow();
        }
        LOG.atInfo()
                .setMessage("vigil.assembly.shutdown_completed")
                .addKeyValue("duration_seconds", (System.nanoTime() - start) / 1e9)
                .log();
        return unfinished;
    }
}
