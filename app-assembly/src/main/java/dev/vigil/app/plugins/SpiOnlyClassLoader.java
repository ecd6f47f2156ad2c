package dev.vigil.app.plugins;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

/**
 * A plugin's own class loader when it cannot run in a module layer: its jars first, the host only for the SPI and SLF4J
 * (so plugins log through the host's backend), the JDK for the rest. Plugins cannot see Vigil's internals, its
 * libraries, or each other's dependencies.
 */
final class SpiOnlyClassLoader extends URLClassLoader {

    private static final List<String> SHARED_PREFIXES = List.of("dev.vigil.spi.", "org.slf4j.");

    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final ClassLoader host;

    SpiOnlyClassLoader(String name, URL[] jars, ClassLoader host) {
        super(name, jars, ClassLoader.getPlatformClassLoader());
        this.host = host;
    }

    @Override
    protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
        for (String prefix : SHARED_PREFIXES) {
            if (className.startsWith(prefix)) {
                return host.loadClass(className);
            }
        }
        return super.loadClass(className, resolve);
    }
}
