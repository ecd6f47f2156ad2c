package dev.vigil.app.cli;

import dev.vigil.app.settings.SettingsCatalog;
import dev.vigil.app.settings.SettingsDocument;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil settings}: every setting, generated from the declarations. */
@Command(
        name = "settings",
        mixinStandardHelpOptions = true,
        description = "Print every setting with its type, default, range, reload mode and rationale.",
        footer = {
            "",
            "Examples:",
            "  vigil settings                      # Markdown tables (docs/hyperparameters.md is this output)",
            "  vigil settings --format yaml > my.yaml   # a commented config to start from"
        })
final class SettingsCommand implements Callable<Integer> {

    enum Format {
        markdown,
        yaml,
        json
    }

    @Option(
            names = "--format",
            defaultValue = "markdown",
            description = "markdown, yaml or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        SettingsDocument document = new SettingsDocument(SettingsCatalog.sections());
        String text =
                switch (format) {
                    case markdown -> document.markdown();
                    case yaml -> document.yaml();
                    case json -> document.json();
                };
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
