package io.phasesweep.jobs;

import io.phasesweep.engine.fss.BoundaryRow;
import io.phasesweep.engine.fss.ExponentRow;
import io.phasesweep.engine.fss.Finding;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rows for report and table tests, written as a label {@code method[(level=..)][:observable][/variant][/size=L]}
 * ({@code crossing:binder}, {@code peak:chi/drop_smallest}, {@code location(level=2.0):chi/size=64}, {@code best}).
 */
public final class TestFindings {
    private static final Pattern LABEL = Pattern.compile(
            "([a-z-]+)(?:\\(level=([^)]+)\\))?(?::([a-z0-9_]+))?(?:/(?!size=)([a-z0-9_]+))?(?:/size=(\\d+))?");

    /** The columns {@code boundaries} and {@code exponents} share after their value column: the contract of DESIGN.md. */
    private static final List<String> SHARED = List.of("stderr:double", "stderr_stat:double", "stderr_sys:double",
            "method:string", "observable:string", "variant:string", "sizes:array<int>", "flags:array<string>", "quality:string",
            "level:double", "size:int", "omega:double", "omega_source:string", "chi2_dof:double", "s:double",
            "resamples_failed:int");
    public static final List<String> BOUNDARIES_COLUMNS = concat(List.of("sweep:string", "model:string", "control:string",
            "across:string", "across_value:double", "critical_value:double"), SHARED);
    public static final List<String> EXPONENTS_COLUMNS = concat(List.of("sweep:string", "model:string", "quantity:string",
            "across:string", "across_value:double", "value:double"), SHARED);

    private TestFindings() {
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    public static BoundaryRow boundary(String control, String across, Double acrossValue, double value, double stderr,
                                       String label, List<Integer> sizes) {
        return new BoundaryRow(control, finding(across, acrossValue, value, stderr, label, sizes));
    }

    public static ExponentRow exponent(String across, Double acrossValue, String quantity, double value, double stderr,
                                       String label, List<Integer> sizes) {
        return new ExponentRow(quantity, finding(across, acrossValue, value, stderr, label, sizes));
    }

    public static Finding finding(String across, Double acrossValue, double value, double stderr, String label,
                                  List<Integer> sizes) {
        Matcher m = LABEL.matcher(label);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a row label: " + label);
        }
        return new Finding(across, acrossValue, m.group(1), m.group(3), m.group(4) == null ? Finding.MAIN : m.group(4),
                value, stderr, stderr, 0.0, sizes, Set.of(), m.group(2) == null ? null : Double.valueOf(m.group(2)),
                m.group(5) == null ? null : Integer.valueOf(m.group(5)), null, null, null, null, 0, label);
    }
}
