package io.phasesweep.engine.fss;

/** Test shorthand for a row: {@code method[(level=..)]:observable[/variant][/size=L]}, e.g. {@code peak:chi/drop_smallest}. */
final class Rows {
    private Rows() {
    }

    static String label(Finding f) {
        StringBuilder b = new StringBuilder(f.method());
        if (f.level() != null) {
            b.append("(level=").append(f.level()).append(')');
        }
        if (f.observable() != null) {
            b.append(':').append(f.observable());
        }
        if (!f.variant().equals(Finding.MAIN)) {
            b.append('/').append(f.variant());
        }
        if (f.size() != null) {
            b.append("/size=").append(f.size());
        }
        return b.toString();
    }
}
