package io.phasesweep.engine.sweep;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * A swept parameter. Values are numbers; words belong in {@code params}. Generated values are
 * rounded to 12 significant digits so that 2.2 + 3·0.01 is the 2.23 a person typed, and point keys
 * stay readable.
 */
public sealed interface Axis permits Axis.Values, Axis.Range, Axis.Window {

    String name();

    /** The values at system size {@code size}, in sweep order (only a window depends on it). */
    double[] values(int size);

    /** True when the values differ from size to size. */
    default boolean sizeDependent() {
        return false;
    }

    enum Scale { LINEAR, LOG }

    /** An explicit list: {@code T: [2.1, 2.2, 2.3]}. */
    record Values(String name, List<Double> list) implements Axis {
        public Values {
            list = List.copyOf(list);
        }

        @Override
        public double[] values(int size) {
            return list.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    /** {@code {from, to, steps, scale}}: both ends included; a single step is {@code from}. */
    record Range(String name, double from, double to, int steps, Scale scale) implements Axis {
        @Override
        public double[] values(int size) {
            double[] v = new double[steps];
            for (int i = 0; i < steps; i++) {
                double f = steps == 1 ? 0.0 : (double) i / (steps - 1);
                v[i] = scale == Scale.LOG
                        ? Math.exp(Math.log(from) + f * (Math.log(to) - Math.log(from)))
                        : from + f * (to - from);
                v[i] = round(v[i]);
            }
            return v;
        }
    }

    /**
     * {@code {center, halfwidth, size_exponent, steps}}: center ± halfwidth·L^size_exponent, so every
     * size samples the same range of the scaling variable (x − x_c)·L^(1/ν) when size_exponent = −1/ν.
     */
    record Window(String name, double center, double halfwidth, double sizeExponent, int steps)
            implements Axis {
        @Override
        public double[] values(int size) {
            double w = halfwidth * Math.pow(size, sizeExponent);
            double[] v = new double[steps];
            for (int i = 0; i < steps; i++) {
                double f = steps == 1 ? 0.5 : (double) i / (steps - 1);
                v[i] = round(center - w + 2 * w * f);
            }
            return v;
        }

        @Override
        public boolean sizeDependent() {
            return true;
        }
    }

    static double round(double x) {
        if (x == 0 || !Double.isFinite(x)) {
            return x;
        }
        return new BigDecimal(x).round(new MathContext(12)).doubleValue();
    }

    /** The shortest plain decimal text of a value: 2.2, 0.001, 16. Used in point keys. */
    static String format(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }
}
