package io.phasesweep.jobs.show;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows of text as a terminal table: columns padded to their widest cell, numbers right-aligned,
 * cells longer than a limit trimmed with an ellipsis, line breaks shown as "⏎".
 */
public final class TextTable {
    private final List<String> header;
    private final List<Boolean> numeric;
    private final int maxWidth;

    /**
     * @param numeric  per column: right-align (numbers)
     * @param maxWidth the widest a cell may be; longer text is trimmed
     */
    public TextTable(List<String> header, List<Boolean> numeric, int maxWidth) {
        this.header = List.copyOf(header);
        this.numeric = List.copyOf(numeric);
        this.maxWidth = maxWidth;
    }

    public String format(List<List<String>> rows) {
        List<List<String>> cells = new ArrayList<>();
        cells.add(header.stream().map(this::fit).toList());
        rows.forEach(r -> cells.add(r.stream().map(this::fit).toList()));
        int[] widths = new int[header.size()];
        for (List<String> row : cells) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < cells.size(); r++) {
            line(b, cells.get(r), widths);
            if (r == 0) {
                List<String> rule = new ArrayList<>();
                for (int w : widths) {
                    rule.add("-".repeat(w));
                }
                line(b, rule, widths);
            }
        }
        return b.toString();
    }

    private void line(StringBuilder b, List<String> row, int[] widths) {
        StringBuilder l = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            String cell = row.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            l.append(c == 0 ? "" : "  ").append(numeric.get(c) ? pad + cell : cell + pad);
        }
        b.append(l.toString().stripTrailing()).append('\n');
    }

    private String fit(String text) {
        String one = text == null ? "" : text.replace("\r\n", "⏎").replace('\n', '⏎');
        return one.length() <= maxWidth ? one : one.substring(0, maxWidth - 1) + "…";
    }
}
