package io.phasesweep.jobs.cli;

import io.phasesweep.engine.model.BudgetKey;
import io.phasesweep.engine.model.DerivedObservable;
import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.model.ObservableSpec;
import io.phasesweep.engine.model.ParamSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code phasesweep models}: every model on the classpath with what a sweep file may say about it. */
@Command(name = "models", description = "List the models on the classpath: parameters, observables, budget keys.")
public final class ModelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        var models = ModelRegistry.load().all();
        if (models.isEmpty()) {
            out.println("no models on the classpath");
        }
        for (Model m : models.values()) {
            out.printf("%s: %s%n", m.id(), m.summary());
            out.printf("  sizes: %s%n", m.sizeMeaning());
            out.println("  params:");
            for (ParamSpec p : m.params()) {
                out.printf("    %-16s %-8s default %-10s %-24s %s%n", p.name(), p.type().name().toLowerCase(Locale.ROOT),
                        p.defaultValue() == null ? "(required)" : number(p.defaultValue()), allowed(p), p.doc());
            }
            out.println("  observables:");
            for (ObservableSpec o : m.observables()) {
                out.printf("    %-16s %-11s %s%n", o.name(), o.thermal() ? "thermal" : o.probability() ? "probability" : "value", o.doc());
            }
            if (!m.derived().isEmpty()) {
                out.println("  derived (at aggregation, from replica-averaged means):");
                for (DerivedObservable d : m.derived()) {
                    out.printf("    %-16s from %-14s %s%n", d.name(), String.join(", ", d.inputs()), d.doc());
                }
            }
            out.println(m.budget().isEmpty() ? "  budget: none" : "  budget:");
            for (BudgetKey b : m.budget()) {
                out.printf("    %-16s default %-10s min %-8s %s%n", b.name(), number(b.defaultValue()), number(b.min()), b.doc());
            }
            out.println();
        }
        out.flush();
        return 0;
    }

    private static String allowed(ParamSpec p) {
        return p.type() == ParamSpec.Type.WORD ? "one of " + String.join("|", p.choices()) : "in " + p.range();
    }

    /** A number as a person writes it: 10, not 10.0; 1.85e+10, not 18498395200. */
    static String number(Object value) {
        if (value instanceof Double d && Math.abs(d) >= 1e9) {
            return String.format(Locale.ROOT, "%.3e", d);
        }
        if (value instanceof Double d && d == Math.rint(d)) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(value);
    }
}
