package io.phasesweep.jobs.cli;

import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.sweep.SweepSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code phasesweep schema}: the JSON Schema of sweep files for the models on the classpath. */
@Command(name = "schema", description = "Print a JSON Schema of sweep files (every model on the classpath), for editors"
        + " that complete and check YAML, e.g. with a '# yaml-language-server: $schema=sweep.schema.json' line.")
public final class SchemaCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        command.commandLine().getOut().print(SweepSchema.json(ModelRegistry.load()));
        command.commandLine().getOut().flush();
        return 0;
    }
}
