package io.phasesweep.jobs;

import io.phasesweep.engine.model.ParamSpec;
import io.phasesweep.engine.sweep.Axis;
import io.phasesweep.engine.sweep.SweepSpec;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sweeps of the {@link ProbeModel} built in code, with the defaults filled in as the parser would. */
public final class ProbeSweeps {
    static final ProbeModel MODEL = new ProbeModel();

    private ProbeSweeps() {
    }

    /** Sizes 4 and 8, x in {0.1, 0.2, 0.3, 0.4}, 3 replicas: 24 points; {@code params} override defaults. */
    public static SweepFile sweep(String name, Map<String, Object> params) {
        Map<String, Object> all = new LinkedHashMap<>();
        for (ParamSpec p : MODEL.params()) {
            if (!p.name().equals("x")) {
                all.put(p.name(), params.getOrDefault(p.name(), p.defaultValue()));
            }
        }
        SweepSpec spec = new SweepSpec(name, ProbeModel.ID, 20261123L, all,
                List.of(new Axis.Values("x", List.of(0.1, 0.2, 0.3, 0.4))), List.of(4, 8), 3,
                Map.of("draws", 50.0), null);
        return new SweepFile("# sweep " + name + " built in code\n", spec, MODEL);
    }

    /** A small sweep file of the probe model, for the command line. */
    public static final String PROBE_SWEEP = """
            name: probe-cli
            model: probe
            seed: 7
            params:
              nan_at: 0.2
            axes:
              x: [0.1, 0.2, 0.3]
            sizes: [4, 8]
            replicas: 2
            budget:
              draws: 5
            """;

    /**
     * A sweep of the synthetic model (microseconds a point) with two analysis groups, an across
     * axis: 2 noise levels x 3 sizes x 7 temperatures x 8 replicas.
     */
    public static final String ACROSS = """
            name: synthetic-across
            model: synthetic
            seed: 13
            params: {u_correction: 0.5}
            axes:
              T: {center: 2.27, halfwidth: 3, size_exponent: -1, steps: 7}
              noise: [0.03, 0.05]
            sizes: [8, 16, 32]
            replicas: 8
            analysis:
              control: T
              crossing: u
              across: noise
              exponents:
                - {quantity: nu, method: collapse, observable: u}
                - {quantity: gamma/nu, method: peak, observable: chi}
                - {quantity: beta/nu, method: at-critical, observable: absm}
            """;

    public static List<String> columns(Dataset<Row> table) {
        List<String> out = new ArrayList<>();
        for (StructField f : table.schema().fields()) {
            out.add(f.name() + ":" + f.dataType().simpleString());
        }
        return out;
    }

    /** Everything in a row but wall time and run id, doubles as exact bit patterns. */
    public static String fingerprint(Row r) {
        StringBuilder s = new StringBuilder();
        for (String c : List.of("point", "size", "replica", "seed", "disorder_seed", "status", "error", "x",
                "e", "e_err", "e_tau", "d")) {
            Object v = r.getAs(c);
            s.append(c).append('=').append(v instanceof Double d ? Long.toHexString(Double.doubleToRawLongBits(d)) : v).append(' ');
        }
        return s.toString();
    }
}
