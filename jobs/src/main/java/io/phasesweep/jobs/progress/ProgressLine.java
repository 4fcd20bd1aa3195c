package io.phasesweep.jobs.progress;

import java.util.Locale;

/**
 * How far a run is, as a person or a script reads it.
 *
 * @param done    points finished (any status)
 * @param failed  of those, failed or timed out
 * @param seconds since the work started
 */
public record ProgressLine(long done, long total, long failed, double seconds) {

    /** Points per second so far; 0 before the first point. */
    double rate() {
        return seconds > 0 ? done / seconds : 0;
    }

    /** Seconds left at the rate so far; NaN before the first point. */
    double etaSeconds() {
        return done > 0 ? (total - done) / rate() : Double.NaN;
    }

    /** "37/108 points done, 2 failed, 4.1 points/s, ETA 0:00:17". */
    String text() {
        return String.format(Locale.ROOT, "%d/%d points done, %d failed, %.3g points/s, ETA %s",
                done, total, failed, rate(), clock(etaSeconds()));
    }

    /** One JSON object on one line, for scripts and notebooks. */
    String json() {
        double eta = etaSeconds();
        return String.format(Locale.ROOT,
                "{\"event\":\"progress\",\"done\":%d,\"total\":%d,\"failed\":%d,\"elapsed_s\":%.3f,\"rate\":%.6g,\"eta_s\":%s}",
                done, total, failed, seconds, rate(), Double.isNaN(eta) ? "null" : String.format(Locale.ROOT, "%.1f", eta));
    }

    /** h:mm:ss, or "?" when unknown. */
    static String clock(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
