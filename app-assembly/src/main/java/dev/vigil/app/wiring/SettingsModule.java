package dev.vigil.app.wiring;

import com.google.inject.AbstractModule;
import dev.vigil.app.settings.ResolvedSettings;
import dev.vigil.spi.settings.Settings;

/** Binds the resolved settings; every feature module's config is built from them. */
public final class SettingsModule extends AbstractModule {

    private final ResolvedSettings settings;

    public SettingsModule(ResolvedSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void configure() {
        bind(ResolvedSettings.class).toInstance(settings);
        bind(Settings.class).toInstance(settings);
    }
}
