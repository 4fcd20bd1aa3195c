package io.phasesweep.engine.sweep;

import io.phasesweep.engine.model.Budget;
import io.phasesweep.engine.model.BudgetKey;
import io.phasesweep.engine.model.DerivedObservable;
import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.model.ObservableSpec;
import io.phasesweep.engine.model.ParamSpec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A JSON Schema (draft 2020-12) of sweep files, so editors complete and check them. It is built
 * from the declarations the parser itself uses (its key lists and patterns) and from every
 * registered model's parameters, budget keys and observables; what only the parser can check
 * (distinct sizes, point counts, an axis in both params and axes) stays with the parser.
 */
public final class SweepSchema {
    private SweepSchema() {
    }

    public static String json(ModelRegistry registry) {
        StringBuilder b = new StringBuilder();
        b.append("{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n")
                .append("  \"title\": \"phasesweep sweep file\",\n  \"type\": \"object\",\n")
                .append("  \"required\": ").append(strings(List.of("name", "model", "seed", "axes", "sizes", "replicas")))
                .append(",\n  \"additionalProperties\": false,\n  \"properties\": {\n")
                .append(property("name", "{\"type\": \"string\", \"pattern\": " + string("^" + SpecReader.NAME.pattern() + "$")
                        + ", \"description\": \"default output folder is out/<name>\"}"))
                .append(property("model", "{\"enum\": " + strings(registry.all().keySet()) + "}"))
                .append(property("seed", "{\"type\": \"integer\", \"description\": \"master seed\"}"))
                .append(property("params", "{\"type\": \"object\"}"))
                .append(property("axes", "{\"type\": \"object\", \"minProperties\": 1, "
                        + "\"additionalProperties\": {\"$ref\": \"#/$defs/axis\"}}"))
                .append(property("sizes", "{\"type\": \"array\", \"minItems\": 1, \"uniqueItems\": true, "
                        + "\"items\": {\"type\": \"integer\", \"minimum\": 1, \"maximum\": " + SweepParser.MAX_SIZE + "}}"))
                .append(property("replicas", "{\"type\": \"integer\", \"minimum\": 1}"))
                .append(property("budget", "{\"type\": \"object\"}"))
                .append(property("analysis", "{\"$ref\": \"#/$defs/analysis\"}"))
                .append("    \"refine\": {\"$ref\": \"#/$defs/refine\"}\n  },\n");
        b.append("  \"allOf\": [\n").append(registry.all().values().stream().map(SweepSchema::model)
                .collect(Collectors.joining(",\n"))).append("\n  ],\n");
        b.append("  \"$defs\": {\n").append(axis()).append(",\n").append(analysis()).append(",\n").append(refine())
                .append("\n  }\n}\n");
        return b.toString();
    }

    /** When {@code model} is this model: its parameters, budget keys, axes and observables. */
    private static String model(Model m) {
        List<String> params = new ArrayList<>();
        List<String> numeric = new ArrayList<>();
        for (ParamSpec p : m.params()) {
            params.add(string(p.name()) + ": " + param(p));
            if (p.type() != ParamSpec.Type.WORD) {
                numeric.add(p.name());
            }
        }
        List<String> budget = new ArrayList<>(m.budget().stream().map(SweepSchema::budget).toList());
        budget.add(string(Budget.TIME_LIMIT) + ": {\"type\": \"number\", \"exclusiveMinimum\": 0, "
                + "\"description\": \"seconds per point (overrides --time-limit)\"}");
        List<String> observables = new ArrayList<>(m.observables().stream().map(ObservableSpec::name).toList());
        m.derived().stream().map(DerivedObservable::name).forEach(observables::add);
        return "    {\"if\": {\"properties\": {\"model\": {\"const\": " + string(m.id()) + "}}, \"required\": [\"model\"]},\n"
                + "     \"then\": {\"properties\": {\n"
                + "       \"params\": {\"additionalProperties\": false, \"properties\": {" + String.join(", ", params) + "}},\n"
                + "       \"axes\": {\"propertyNames\": {\"enum\": " + strings(numeric) + "}},\n"
                + "       \"budget\": {\"additionalProperties\": false, \"properties\": {" + String.join(", ", budget) + "}},\n"
                + "       \"analysis\": {\"properties\": {\"crossing\": {\"enum\": " + strings(observables) + "}, "
                + "\"exponents\": {\"items\": {\"properties\": {\"observable\": {\"enum\": " + strings(observables) + "}}}}}}\n"
                + "     }}}";
    }

    private static String param(ParamSpec p) {
        List<String> parts = new ArrayList<>();
        switch (p.type()) {
            case WORD -> parts.add("\"enum\": " + strings(p.choices()));
            case INTEGER, REAL -> {
                parts.add(p.type() == ParamSpec.Type.INTEGER ? "\"type\": \"integer\"" : "\"type\": \"number\"");
                if (p.min() != null && Double.isFinite(p.min())) {
                    // Double.MIN_VALUE is how a model says "strictly positive"
                    parts.add(p.min() == Double.MIN_VALUE ? "\"exclusiveMinimum\": 0" : "\"minimum\": " + number(p.min()));
                }
                if (p.max() != null && Double.isFinite(p.max())) {
                    parts.add("\"maximum\": " + number(p.max()));
                }
            }
        }
        if (p.defaultValue() != null) {
            parts.add("\"default\": " + (p.defaultValue() instanceof String s ? string(s) : number((Double) p.defaultValue())));
        }
        parts.add("\"description\": " + string(p.doc()));
        return "{" + String.join(", ", parts) + "}";
    }

    private static String budget(BudgetKey k) {
        return string(k.name()) + ": {\"type\": \"" + (k.whole() ? "integer" : "number") + "\", \"minimum\": " + number(k.min()) + ", \"default\": "
                + number(k.defaultValue()) + ", \"description\": " + string(k.doc()) + "}";
    }

    private static String axis() {
        return "    \"axis\": {\"oneOf\": [\n"
                + "      {\"type\": \"array\", \"minItems\": 1, \"items\": {\"type\": \"number\"}},\n"
                + "      {\"type\": \"object\", \"additionalProperties\": false, \"required\": [\"from\", \"to\", \"steps\"], "
                + "\"properties\": {\"from\": {\"type\": \"number\"}, \"to\": {\"type\": \"number\"}, "
                + "\"steps\": {\"type\": \"integer\", \"minimum\": 1}, \"scale\": {\"enum\": " + strings(AxisReader.SCALES) + "}}},\n"
                + "      {\"type\": \"object\", \"additionalProperties\": false, \"required\": " + strings(AxisReader.WINDOW_KEYS)
                + ", \"properties\": {\"center\": {\"type\": \"number\"}, \"halfwidth\": {\"type\": \"number\", "
                + "\"exclusiveMinimum\": 0}, \"size_exponent\": {\"type\": \"number\"}, \"steps\": {\"type\": \"integer\", "
                + "\"minimum\": 1}}}\n    ]}";
    }

    private static String analysis() {
        return "    \"analysis\": {\"type\": \"object\", \"additionalProperties\": false, \"required\": [\"control\"], "
                + "\"propertyNames\": {\"enum\": " + strings(AnalysisReader.KEYS) + "}, \"properties\": {"
                + "\"control\": {\"type\": \"string\"}, \"crossing\": {\"type\": \"string\"}, \"across\": {\"type\": \"string\"}, "
                + "\"omega\": {\"type\": \"number\", \"exclusiveMinimum\": 0}, \"window\": {\"type\": \"number\", \"exclusiveMinimum\": 0}, "
                + "\"exponents\": {\"type\": \"array\", \"items\": {\"type\": \"object\", \"additionalProperties\": false, "
                + "\"required\": [\"quantity\", \"method\", \"observable\"], \"propertyNames\": {\"enum\": "
                + strings(AnalysisReader.EXPONENT_KEYS) + "}, \"properties\": {\"quantity\": {\"type\": \"string\", \"pattern\": "
                + string("^" + AnalysisReader.QUANTITY.pattern() + "$") + "}, \"method\": {\"enum\": "
                + strings(AnalysisMethod.words()) + "}, \"observable\": {\"type\": \"string\"}, \"level\": {\"type\": \"number\"}}}}}}";
    }

    private static String refine() {
        String sizes = "{\"type\": \"array\", \"uniqueItems\": true, \"items\": {\"type\": \"integer\", \"minimum\": 1, "
                + "\"maximum\": " + SweepParser.MAX_SIZE + "}}";
        return "    \"refine\": {\"type\": \"object\", \"additionalProperties\": false, "
                + "\"required\": [\"target\", \"budget_core_seconds\"], \"propertyNames\": {\"enum\": "
                + strings(RefineReader.KEYS) + "}, \"properties\": {"
                + "\"target\": {\"type\": \"object\", \"minProperties\": 1, \"description\": "
                + string("the stderr wanted of each quantity's best row: " + RefineSpec.CRITICAL_VALUE
                + " or an exponent of the analysis section") + ", \"additionalProperties\": {\"type\": \"number\", "
                + "\"exclusiveMinimum\": 0}}, "
                + "\"budget_core_seconds\": {\"type\": \"number\", \"exclusiveMinimum\": 0}, "
                + "\"max_rounds\": {\"type\": \"integer\", \"minimum\": 1, \"maximum\": " + RefineReader.MOST_ROUNDS
                + ", \"default\": " + RefineSpec.DEFAULT_MAX_ROUNDS + "}, "
                + "\"sizes_allowed\": " + sizes + ", "
                + "\"added\": {\"type\": \"array\", \"description\": \"written by phasesweep run: the points each round added\", "
                + "\"items\": {\"type\": \"object\", \"additionalProperties\": false, \"required\": "
                + strings(RefineReader.BLOCK_KEYS) + ", \"properties\": {\"round\": {\"type\": \"integer\", \"minimum\": 1}, "
                + "\"size\": {\"type\": \"integer\", \"minimum\": 1}, \"first_replica\": {\"type\": \"integer\", "
                + "\"minimum\": 0}, \"replicas\": {\"type\": \"integer\", \"minimum\": 1}, \"values\": {\"type\": \"object\", "
                + "\"additionalProperties\": {\"type\": \"array\", \"minItems\": 1, \"items\": {\"type\": \"number\"}}}}}}}}";
    }

    private static String property(String name, String schema) {
        return "    " + string(name) + ": " + schema + ",\n";
    }

    private static String strings(Collection<String> values) {
        return values.stream().map(SweepSchema::string).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String number(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    /** A JSON string literal. */
    static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : (s == null ? "" : s).toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }
}
