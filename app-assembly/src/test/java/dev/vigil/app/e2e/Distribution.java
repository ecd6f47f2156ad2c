package dev.vigil.app.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The built distribution folder, run as a user runs it: {@code bin/vigil} in a separate process. */
final class Distribution {

    static final Path EXAMPLES =
            Path.of("..", "examples", "traces").toAbsolutePath().normalize();
    static final Path EXAMPLE_PLUGIN = Path.of(
                    "..", "examples", "plugin-example", "target", "vigil-plugin-example-1.0.0.jar")
            .toAbsolutePath()
            .normalize();

    private final Path home;

    Distribution(Path home) {
        this.home = home;
    }

    /** The folder the package phase built. */
    static Distribution built() {
        String path = System.getProperty("vigil.test.distribution");
        assertTrue(path != null, "vigil.test.distribution is set by the failsafe configuration");
        Path home = Path.of(path);
        assertTrue(Files.isExecutable(home.resolve("bin").resolve("vigil")), () -> home + "/bin/vigil is missing");
        return new Distribution(home);
    }

    /** A fresh copy of this distribution under {@code target}, so a test can change its plugins or config. */
    Distribution copyTo(Path target) throws IOException {
        Files.walkFileTree(home, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(target.resolve(home.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, target.resolve(home.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
        return new Distribution(target);
    }

    Path home() {
        return home;
    }

    Path plugins() {
        return home.resolve("plugins");
    }

    /** Runs {@code bin/vigil args...} and waits for it (at most two minutes). */
    Result run(String... args) throws IOException, InterruptedException {
        return runWith(java.util.Map.of(), args);
    }

    /** Runs {@code bin/vigil args...} with extra environment variables. */
    Result runWith(java.util.Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin").resolve("vigil").toString());
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile("vigil-out", ".txt");
        Path stderr = Files.createTempFile("vigil-err", ".txt");
        try {
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("VIGIL_"));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("bin/vigil " + String.join(" ", args) + " did not finish in two minutes");
            }
            return new Result(
                    process.exitValue(),
                    Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    /** What one run of {@code bin/vigil} produced. */
    record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }
}
