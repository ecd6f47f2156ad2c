package dev.vigil.health.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.health.Fixtures;
import dev.vigil.spi.model.EscalationCause;
import dev.vigil.spi.model.EscalationSeverity;
import dev.vigil.spi.model.EscalationTicket;
import dev.vigil.spi.model.TriageDecision;
import dev.vigil.spi.plugin.PluginConfig;
import dev.vigil.spi.plugin.TriageRule;
import dev.vigil.spi.plugin.TriageRuleProvider;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Done-when of issue 5: a third-party {@link TriageRule} registered through {@link ServiceLoader} changes the outcome
 * of triage. The plugin is loaded the way the assembly loads plugin jars: a separate class loader whose
 * {@code META-INF/services/dev.vigil.spi.plugin.TriageRuleProvider} names the provider, which then lives in that
 * loader's unnamed module and sees only the spi.
 */
class TriageServiceLoaderTest {

    private static final String FIXTURE_PACKAGE = "dev.vigil.health.triage.fixture.";
    private static final String SERVICE_FILE = "META-INF/services/" + TriageRuleProvider.class.getName();

    @TempDir
    Path pluginDir;

    @Test
    void aServiceLoadedRuleChangesTheOutcome() throws IOException {
        EscalationTicket sandboxHigh = EscalationTicket.builder(
                        "r1", "sandbox", "t1", EscalationCause.STAGNATION, EscalationSeverity.HIGH, "stuck")
                .createdAt(Fixtures.T0)
                .build();
        assertTrue(TriageChain.defaults().shouldEscalate(sandboxHigh), "built-ins alone escalate HIGH");

        List<TriageRule> rules = loadRules();

        assertEquals(1, rules.size());
        TriageOutcome outcome =
                TriageChain.builder(TriageConfig.DEFAULTS).rules(rules).build().decide(sandboxHigh);
        assertEquals(TriageDecision.DISMISS, outcome.decision());
        assertEquals("quiet_agent", outcome.rule());
        assertEquals("decided by rule quiet_agent", outcome.reason());
        assertEquals(Map.of("muted_agent", "sandbox"), outcome.details());
    }

    private List<TriageRule> loadRules() throws IOException {
        // A named caller module must declare `uses`; a test may add it at run time (no-op on the class path).
        TriageServiceLoaderTest.class.getModule().addUses(TriageRuleProvider.class);
        Path services = pluginDir.resolve("services");
        Files.writeString(services, FIXTURE_PACKAGE + "QuietAgentRuleProvider\n", StandardCharsets.UTF_8);
        PluginLoader loader =
                new PluginLoader(getClass().getClassLoader(), services.toUri().toURL());

        List<TriageRule> rules = new ArrayList<>();
        for (TriageRuleProvider provider : ServiceLoader.load(TriageRuleProvider.class, loader)) {
            assertSame(loader, provider.getClass().getClassLoader(), "provider came from the plugin loader");
            assertEquals("quiet_agent", provider.name());
            rules.add(provider.create(PluginConfig.of(Map.of("agent", "sandbox"))));
        }
        return rules;
    }

    /**
     * A child-first loader for the fixture package only (so the provider is defined here, as in a plugin jar), which
     * answers the service-file lookup with the given file; everything else is delegated to the parent.
     */
    private static final class PluginLoader extends ClassLoader {
        private final URL serviceFile;

        PluginLoader(ClassLoader parent, URL serviceFile) {
            super("test-plugin", parent);
            this.serviceFile = serviceFile;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(FIXTURE_PACKAGE)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    String resource = name.replace('.', '/') + ".class";
                    try (InputStream in = getParent().getResourceAsStream(resource)) {
                        if (in == null) {
                            throw new ClassNotFoundException(name);
                        }
                        byte[] bytes = in.readAllBytes();
                        loaded = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            if (name.equals(SERVICE_FILE)) {
                return Collections.enumeration(List.of(serviceFile));
            }
            return super.getResources(name);
        }
    }
}
