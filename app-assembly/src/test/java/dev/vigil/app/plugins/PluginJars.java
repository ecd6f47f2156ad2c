package dev.vigil.app.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Packs test classes into a plugin jar with a META-INF/services entry, as a third party would ship them. */
public final class PluginJars {

    private PluginJars() {}

    /** Writes {@code jar} holding {@code classes} (and their nested classes' files) and a services file. */
    public static Path write(Path jar, Class<?> service, Class<?>... classes) throws IOException {
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file)) {
            StringBuilder services = new StringBuilder();
            for (Class<?> type : classes) {
                copyClass(type, out);
                services.append(type.getName()).append('\n');
            }
            if (classes.length > 0) {
                copyClass(classes[0].getEnclosingClass(), out);
            }
            out.putNextEntry(new JarEntry("META-INF/services/" + service.getName()));
            out.write(services.toString().getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    private static void copyClass(Class<?> type, JarOutputStream out) throws IOException {
        if (type == null) {
            return;
        }
        String resource = type.getName().replace('.', '/') + ".class";
        try {
            out.putNextEntry(new JarEntry(resource));
        } catch (java.util.zip.ZipException duplicate) {
            return; // already packed
        }
        try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
            in.transferTo(out);
        }
        out.closeEntry();
        // Anonymous classes of the enclosing type ($1, $2, ...) are needed too.
        for (int i = 1; i < 10; i++) {
            String anonymous = type.getName().replace('.', '/') + "$" + i + ".class";
            try (InputStream in = type.getClassLoader().getResourceAsStream(anonymous)) {
                if (in == null) {
                    break;
                }
                out.putNextEntry(new JarEntry(anonymous));
                in.transferTo(out);
                out.closeEntry();
            }
        }
    }
}
