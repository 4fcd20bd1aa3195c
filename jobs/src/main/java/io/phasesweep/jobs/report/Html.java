package io.phasesweep.jobs.report;

import java.util.List;

/** Small pieces of HTML with every text escaped. */
final class Html {
    private Html() {
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A table with a header row; cells are text (escaped). */
    static String table(String id, List<String> header, List<List<String>> rows) {
        StringBuilder b = new StringBuilder();
        b.append("<table id=\"").append(escape(id)).append("\"><thead><tr>");
        header.forEach(h -> b.append("<th>").append(escape(h)).append("</th>"));
        b.append("</tr></thead><tbody>\n");
        for (List<String> row : rows) {
            b.append("<tr>");
            row.forEach(cell -> b.append("<td>").append(escape(cell)).append("</td>"));
            b.append("</tr>\n");
        }
        return b.append("</tbody></table>\n").toString();
    }
}
