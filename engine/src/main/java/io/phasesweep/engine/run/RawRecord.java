package io.phasesweep.engine.run;

import io.phasesweep.engine.model.Measurement;
import io.phasesweep.engine.sweep.Point;

import java.io.Serializable;

/**
 * The outcome of one point: a row of {@code raw}.
 *
 * @param error       null when {@code status} is OK, else what went wrong
 * @param measurement null unless {@code status} is OK
 */
public record RawRecord(Point point, Status status, String error, long wallMs, Measurement measurement)
        implements Serializable {

    public enum Status {
        OK, FAILED, TIMEOUT;

        /** As written in the {@code status} column. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
