package io.phasesweep.engine.sweep;

import java.util.Arrays;
import java.util.List;

/**
 * The methods a sweep file may name in {@code analysis.exponents}, by the word it uses. This is the
 * one registration of an analysis method: the fss package maps each constant to its implementation
 * in a switch without a default, so a constant without an implementation does not compile, and the
 * parser, the printer and the JSON Schema read their words from here.
 */
public enum AnalysisMethod {
    /** Data collapse of the observable: ν and the scaling power. */
    COLLAPSE("collapse"),
    /** Power law of the peak height against size, e.g. γ/ν from chi. */
    PEAK("peak"),
    /** Power law of the observable at the critical value, e.g. β/ν from absm. */
    AT_CRITICAL("at-critical"),
    /** 1/ν from the slope of the observable at the critical value. */
    SLOPE("slope"),
    /** Where the observable peaks, or crosses a level, along the control axis, fitted against size. */
    LOCATION("location");

    private final String word;

    AnalysisMethod(String word) {
        this.word = word;
    }

    /** The word of the sweep file and of the tables' {@code method} column. */
    public String word() {
        return word;
    }

    public static List<String> words() {
        return Arrays.stream(values()).map(AnalysisMethod::word).toList();
    }

    /** The method a word names; the parser checks the word against {@link #words()} first. */
    public static AnalysisMethod of(String word) {
        return Arrays.stream(values()).filter(m -> m.word.equals(word)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown method " + word + "; known: " + words()));
    }
}
