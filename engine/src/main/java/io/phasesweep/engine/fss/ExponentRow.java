package io.phasesweep.engine.fss;

import java.util.List;

/**
 * A row of {@code exponents}: one estimate of one quantity.
 *
 * @param method {@code method:observable}, with {@code /drop-smallest} for the repeat of a size
 *               fit without the smallest size (a stability check)
 * @param sizes  the sizes that entered the estimate
 */
public record ExponentRow(String across, Double acrossValue, String quantity, double value, double stderr,
                          String method, List<Integer> sizes, String quality) {
    public ExponentRow {
        sizes = List.copyOf(sizes);
    }
}
