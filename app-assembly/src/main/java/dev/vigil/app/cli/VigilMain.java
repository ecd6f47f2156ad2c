package dev.vigil.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vigil} command line. */
@Command(
        name = "vigil",
        mixinStandardHelpOptions = true,
        subcommands = {
            AnalyzeCommand.class,
            SettingsCommand.class,
            PluginsCommand.class,
            RouteCommand.class,
            GenerateCommand.class,
            EvalCommand.class
        },
        versionProvider = VigilMain.Version.class,
        description = "Watches LLM agent runs: step quality, health tickets, best-of-K selection, team metrics.")
public final class VigilMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line; config errors print their message (no stack trace) and exit with 2. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new VigilMain());
        commandLine.setExecutionExceptionHandler((error, cmd, parseResult) -> {
            if (error instanceof dev.vigil.app.settings.SettingsException settingsError) {
                cmd.getErr().println("vigil: invalid settings:");
                settingsError.problems().forEach(problem -> cmd.getErr().println("  " + problem));
                cmd.getErr().flush();
                return ExitCodes.USAGE;
            }
            throw error;
        });
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the jar manifest, so it is never out of step with the build. */
    static String versionText() {
        try (java.io.InputStream in = VigilMain.class.getResourceAsStream("version.properties")) {
            java.util.Properties properties = new java.util.Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "development build");
        } catch (java.io.IOException e) {
            return "development build";
        }
    }

    /** Prints {@code vigil <version>}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"vigil " + versionText()};
        }
    }
}
