package io.phasesweep.engine.sweep;

import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Prints a spec as a sweep file: {@code SweepParser.parse(toYaml(spec))} equals {@code spec}.
 * Numbers print exactly (shortest text that reads back to the same double); words that YAML would
 * read as something else (a number, true, null) are quoted.
 */
public final class SweepPrinter {
    /** Words YAML reads as text when written plainly, in block and flow context alike. */
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_./-]*");
    private static final Pattern CORE_SPECIAL = Pattern.compile("(?i)true|false|null");

    private SweepPrinter() {
    }

    public static String toYaml(SweepSpec spec) {
        StringBuilder y = new StringBuilder();
        y.append("name: ").append(word(spec.name())).append('\n');
        y.append("model: ").append(word(spec.model())).append('\n');
        y.append("seed: ").append(spec.seed()).append('\n');
        if (!spec.params().isEmpty()) {
            y.append("params:\n");
            spec.params().forEach((k, v) -> y.append("  ").append(word(k)).append(": ")
                    .append(v instanceof Double d ? number(d) : word((String) v)).append('\n'));
        }
        y.append("axes:\n");
        for (Axis a : spec.axes()) {
            y.append("  ").append(word(a.name())).append(": ").append(axis(a)).append('\n');
        }
        y.append("sizes: ").append(flowList(spec.sizes().stream().map(String::valueOf).toList())).append('\n');
        y.append("replicas: ").append(spec.replicas()).append('\n');
        if (!spec.budget().isEmpty()) {
            y.append("budget:\n");
            spec.budget().forEach((k, v) -> y.append("  ").append(word(k)).append(": ").append(number(v)).append('\n'));
        }
        if (spec.analysis() != null) {
            analysis(y, spec.analysis());
        }
        if (spec.refine() != null) {
            refine(y, spec.refine());
        }
        return y.toString();
    }

    private static String axis(Axis a) {
        if (a instanceof Axis.Values v) {
            return flowList(v.list().stream().map(SweepPrinter::number).toList());
        }
        if (a instanceof Axis.Range r) {
            return "{from: " + number(r.from()) + ", to: " + number(r.to()) + ", steps: " + r.steps()
                    + (r.scale() == Axis.Scale.LOG ? ", scale: log}" : "}");
        }
        Axis.Window w = (Axis.Window) a;
        return "{center: " + number(w.center()) + ", halfwidth: " + number(w.halfwidth())
                + ", size_exponent: " + number(w.sizeExponent()) + ", steps: " + w.steps() + "}";
    }

    private static void analysis(StringBuilder y, AnalysisSpec a) {
        y.append("analysis:\n");
        y.append("  control: ").append(word(a.control())).append('\n');
        if (a.crossing() != null) {
            y.append("  crossing: ").append(word(a.crossing())).append('\n');
        }
        if (a.across() != null) {
            y.append("  across: ").append(word(a.across())).append('\n');
        }
        if (a.omega() != null) {
            y.append("  omega: ").append(number(a.omega())).append('\n');
        }
        if (a.window() != null) {
            y.append("  window: ").append(number(a.window())).append('\n');
        }
        if (!a.exponents().isEmpty()) {
            y.append("  exponents:\n");
            for (AnalysisSpec.ExponentRequest e : a.exponents()) {
                y.append("    - {quantity: ").append(word(e.quantity()))
                        .append(", method: ").append(word(e.method().word()))
                        .append(", observable: ").append(word(e.observable()));
                if (e.level() != null) {
                    y.append(", level: ").append(number(e.level()));
                }
                y.append("}\n");
            }
        }
    }

    private static void refine(StringBuilder y, RefineSpec r) {
        y.append("refine:\n");
        StringJoiner target = new StringJoiner(", ", "{", "}");
        r.target().forEach((q, v) -> target.add(word(q) + ": " + number(v)));
        y.append("  target: ").append(target).append('\n');
        y.append("  budget_core_seconds: ").append(number(r.budgetCoreSeconds())).append('\n');
        y.append("  max_rounds: ").append(r.maxRounds()).append('\n');
        if (!r.sizesAllowed().isEmpty()) {
            y.append("  sizes_allowed: ").append(flowList(r.sizesAllowed().stream().map(String::valueOf).toList())).append('\n');
        }
        if (!r.added().isEmpty()) {
            y.append("  added:\n");
            for (PointBlock b : r.added()) {
                StringJoiner values = new StringJoiner(", ", "{", "}");
                b.values().forEach((axis, v) -> values.add(word(axis) + ": "
                        + flowList(v.stream().map(SweepPrinter::number).toList())));
                y.append("    - {round: ").append(b.round()).append(", size: ").append(b.size())
                        .append(", first_replica: ").append(b.firstReplica()).append(", replicas: ").append(b.replicas())
                        .append(", values: ").append(values).append("}\n");
            }
        }
    }

    private static String flowList(List<String> items) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        items.forEach(j::add);
        return j.toString();
    }

    /** Integers without a fraction; others as Java's shortest round-trip text, which YAML reads as a float. */
    static String number(double x) {
        boolean negativeZero = x == 0 && 1 / x < 0;
        if (x == Math.rint(x) && Math.abs(x) < 1e15 && !negativeZero) {
            return Long.toString((long) x);
        }
        return Double.toString(x);
    }

    static String word(String s) {
        if (PLAIN_WORD.matcher(s).matches() && !CORE_SPECIAL.matcher(s).matches()) {
            return s;
        }
        StringBuilder q = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                q.append('\\').appendCodePoint(c);
            } else if (c < 0x20 || c == 0x7f) {
                q.append("\\u%04x".formatted(c));
            } else {
                q.appendCodePoint(c);
            }
        });
        return q.append('"').toString();
    }
}
