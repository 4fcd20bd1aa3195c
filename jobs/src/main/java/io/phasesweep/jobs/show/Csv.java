package io.phasesweep.jobs.show;

import java.util.List;
import java.util.stream.Collectors;

/** CSV as RFC 4180 writes it: a cell with a comma, quote or line break is quoted, quotes doubled. */
public final class Csv {
    private Csv() {
    }

    public static String line(List<String> cells) {
        return cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + "\n";
    }

    private static String cell(String text) {
        if (text == null) {
            return "";
        }
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
