package io.phasesweep.jobs.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Numbers as a physicist writes them: the error to two significant digits, the value to the same place. */
public final class Numbers {
    private Numbers() {
    }

    /** "2.2692 ± 0.0013"; the value alone (six significant digits) when the error is NaN, infinite or 0. */
    static String withError(double value, double error) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        if (!Double.isFinite(error) || error <= 0) {
            return plain(value) + (Double.isNaN(error) ? " ± ?" : "");
        }
        int decimals = Math.max(0, 1 - (int) Math.floor(Math.log10(error)));
        String format = "%." + decimals + "f";
        return String.format(Locale.ROOT, format + " ± " + format, value, error);
    }

    /** Two significant digits, for an error on its own; "-" when NaN. */
    static String number(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2g", value);
    }

    /** Six significant digits of the shortest decimal that is the double, no trailing zeros, no exponent for ordinary magnitudes. */
    public static String plain(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        double magnitude = Math.abs(value);
        if (value != 0 && (magnitude < 1e-4 || magnitude >= 1e9)) {
            return String.format(Locale.ROOT, "%.5e", value);
        }
        return BigDecimal.valueOf(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
