package dev.vigil.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Process-wide runtime pieces: the clock and the plugin-call executor. */
public final class RuntimeModule extends AbstractModule {

    @Provides
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Plugin calls run here so that a hanging one can be abandoned at its timeout. A cached pool: time spent queued
     * would count against the timeout, so every call gets a thread at once; daemon threads so an abandoned call never
     * keeps the JVM alive.
     */
    @Provides
    @Singleton
    @PluginCalls
    ExecutorService pluginCalls() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "vigil-plugin-call-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
