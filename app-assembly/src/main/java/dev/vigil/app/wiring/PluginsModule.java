package dev.vigil.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import dev.vigil.app.plugins.LoadedPlugins;
import dev.vigil.spi.plugin.NotificationSinkProvider;
import dev.vigil.spi.plugin.StepClassifierProvider;
import dev.vigil.spi.plugin.TriageRuleProvider;

/**
 * Binds the provider sets found by the plugin loader (built-ins and {@code plugins/}). Multibinder sets have no order
 * across modules, so consumers sort explicitly (triage rules by priority and name; classifiers are chosen by name).
 */
public final class PluginsModule extends AbstractModule {

    private final LoadedPlugins plugins;

    public PluginsModule(LoadedPlugins plugins) {
        this.plugins = plugins;
    }

    @Override
    protected void configure() {
        bind(LoadedPlugins.class).toInstance(plugins);
        Multibinder<StepClassifierProvider> classifiers =
                Multibinder.newSetBinder(binder(), StepClassifierProvider.class);
        plugins.classifiers().forEach(p -> classifiers.addBinding().toInstance(p));
        Multibinder<TriageRuleProvider> rules = Multibinder.newSetBinder(binder(), TriageRuleProvider.class);
        plugins.triageRules().forEach(p -> rules.addBinding().toInstance(p));
        Multibinder<NotificationSinkProvider> sinks =
                Multibinder.newSetBinder(binder(), NotificationSinkProvider.class);
        plugins.sinks().forEach(p -> sinks.addBinding().toInstance(p));
    }
}
