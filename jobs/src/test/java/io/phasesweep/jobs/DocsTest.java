package io.phasesweep.jobs;

import io.phasesweep.jobs.show.ShowTable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The documentation (README.md, docs/, deploy/README.md) against the code: every relative link
 * resolves (its file, and its #anchor to a heading there); every phasesweep command shown names a
 * subcommand and options the command line has, and one written out in a code block (no
 * placeholders) parses as given; every sweep file of the repository it names exists and passes
 * {@code validate}; the table list of {@code show} is the one the command knows.
 */
class DocsTest {
    static final Path ROOT = Path.of("..");

    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} +(.+)$");
    /** In inline code, "phasesweep" as a command word: not inside phasesweep-engine.jar or PHASESWEEP_CLASSPATH. */
    private static final Pattern COMMAND = Pattern.compile("(?<![\\w/.-])(?:\\./)?phasesweep\\s+(.+)");
    /** In a code block, the launcher as a user types it (a bare "phasesweep" there is the file in a layout). */
    private static final Pattern LAUNCHER = Pattern.compile("(?<![\\w/.-])\\./phasesweep\\s+(.+)");
    /** deploy/submit's spark-submit options end at "--"; the phasesweep command line follows. */
    private static final Pattern SUBMIT = Pattern.compile("deploy/submit\\s.*?\\s--\\s+(.+)");
    private static final Pattern SWEEP_FILE = Pattern.compile("(?<![\\w/.-])sweeps/[a-z0-9-]+\\.yaml");
    private static final Pattern PLACEHOLDER = Pattern.compile("[A-Z][A-Z_]*(=[A-Z]+)?");
    private static final Pattern WORD_CHOICES = Pattern.compile("\\[([a-z]+(?:\\|[a-z]+)+)\\]");

    /** A command as shown, with the file it is in; {@code inCodeBlock} when written out in a fenced block. */
    record Shown(Path file, String text, boolean inCodeBlock) {
        @Override
        public String toString() {
            return ROOT.relativize(file) + ": " + text;
        }
    }

    static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("deploy/README.md")));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    @Test
    void everyRelativeLinkResolvesToAFileAndHeading() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            Matcher m = LINK.matcher(prose(Files.readString(page)));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("[a-z]+:.*")) {
                    continue;  // http:, https:, mailto:
                }
                String[] fileAndAnchor = target.split("#", 2);
                Path file = fileAndAnchor[0].isEmpty() ? page : page.getParent().resolve(fileAndAnchor[0]).normalize();
                if (!Files.exists(file)) {
                    broken.add(ROOT.relativize(page) + ": " + target + " (no such file)");
                } else if (fileAndAnchor.length == 2 && !anchors(file).contains(fileAndAnchor[1])) {
                    broken.add(ROOT.relativize(page) + ": " + target + " (no such heading)");
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void everyCommandShownNamesASubcommandAndOptionsThatExist() throws IOException {
        List<Shown> commands = commands();
        assertTrue(commands.size() > 20, "too few commands found: " + commands);
        List<String> wrong = new ArrayList<>();
        for (Shown shown : commands) {
            String problem = check(shown);
            if (problem != null) {
                wrong.add(shown + " -> " + problem);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everySweepFileNamedExistsAndValidates() throws IOException {
        Set<String> named = new TreeSet<>();
        for (Path page : pages()) {
            Matcher m = SWEEP_FILE.matcher(Files.readString(page));
            while (m.find()) {
                named.add(m.group());
            }
        }
        assertTrue(named.contains("sweeps/ising2d-quick.yaml"), named.toString());
        for (String file : named) {
            assertTrue(Files.isRegularFile(ROOT.resolve(file)), file + " is named in the docs but does not exist");
            StringWriter err = new StringWriter();
            CommandLine cl = Main.commandLine();
            cl.setOut(new PrintWriter(new StringWriter()));
            cl.setErr(new PrintWriter(err, true));
            assertEquals(0, cl.execute("validate", ROOT.resolve(file).toString()), file + ": " + err);
        }
    }

    /** What is wrong with a command as shown, or null. */
    static String check(Shown shown) {
        List<String> tokens = new ArrayList<>(Arrays.asList(shown.text().trim().split("\\s+")));
        CommandLine main = Main.commandLine();
        String first = tokens.get(0);
        if (first.startsWith("-")) {
            return main.getCommandSpec().findOption(first) == null ? "phasesweep has no option " + first : null;
        }
        CommandLine sub = main.getSubcommands().get(first);
        if (sub == null) {
            return "no subcommand '" + first + "'; there are " + main.getSubcommands().keySet();
        }
        CommandSpec spec = sub.getCommandSpec();
        for (String token : tokens.subList(1, tokens.size())) {
            String option = token.replaceAll("^\\[+", "").replaceAll("(\\]|\\.\\.\\.)+$", "").split("=", 2)[0];
            if (option.startsWith("-") && option.length() > 1 && spec.findOption(option) == null) {
                return first + " has no option " + option;
            }
        }
        Matcher choices = WORD_CHOICES.matcher(shown.text());
        if (first.equals("show") && choices.find()) {
            List<String> listed = List.of(choices.group(1).split("\\|"));
            if (!new TreeSet<>(listed).equals(new TreeSet<>(ShowTable.TABLES))) {
                return "show lists the tables " + listed + ", it knows " + ShowTable.TABLES;
            }
        }
        boolean synopsis = shown.text().contains("[") || tokens.stream().anyMatch(t -> PLACEHOLDER.matcher(t).matches());
        if (!shown.inCodeBlock() || synopsis) {
            return null;
        }
        try {
            CommandLine.ParseResult parsed = Main.commandLine().parseArgs(tokens.toArray(String[]::new));
            CommandLine.ParseResult command = parsed.subcommand();
            if (first.equals("show") && command.matchedPositionals().size() > 1) {
                String table = command.matchedPositionals().get(1).getValue();
                if (!ShowTable.TABLES.contains(table)) {
                    return "show has no table " + table;
                }
            }
            return null;
        } catch (CommandLine.ParameterException e) {
            return e.getMessage();
        }
    }

    /** Every phasesweep command line shown: in fenced code blocks (after deploy/submit's "--" too) and in inline code. */
    static List<Shown> commands() throws IOException {
        List<Shown> found = new ArrayList<>();
        for (Path page : pages()) {
            boolean inBlock = false;
            StringBuilder line = new StringBuilder();
            for (String raw : Files.readString(page).split("\n")) {
                if (raw.startsWith("```")) {
                    inBlock = !inBlock;
                    continue;
                }
                if (inBlock) {
                    line.append(raw);
                    if (raw.endsWith("\\")) {
                        line.setLength(line.length() - 1);
                        continue;
                    }
                    commandIn(withoutShellTail(line.toString()), LAUNCHER).ifPresent(c -> found.add(new Shown(page, c, true)));
                    line.setLength(0);
                } else {
                    Matcher code = Pattern.compile("`([^`]+)`").matcher(raw);
                    while (code.find()) {
                        commandIn(code.group(1), COMMAND).ifPresent(c -> found.add(new Shown(page, c, false)));
                    }
                }
            }
        }
        return found;
    }

    private static java.util.Optional<String> commandIn(String text, Pattern phasesweep) {
        Matcher submit = SUBMIT.matcher(text);
        if (submit.find()) {
            return java.util.Optional.of(submit.group(1));
        }
        Matcher command = phasesweep.matcher(text);
        return command.find() ? java.util.Optional.of(command.group(1)) : java.util.Optional.empty();
    }

    /** A shell line up to its comment or output redirection. */
    private static String withoutShellTail(String line) {
        return line.replaceFirst("\\s#.*$", "").replaceFirst("\\s>.*$", "");
    }

    /** The text outside fenced code blocks. */
    private static String prose(String markdown) {
        return markdown.replaceAll("(?ms)^```.*?^```", "");
    }

    /** GitHub's heading anchors: lower case, punctuation other than - and _ dropped, spaces as -. */
    static Set<String> anchors(Path page) throws IOException {
        Set<String> anchors = new TreeSet<>();
        Matcher m = HEADING.matcher(prose(Files.readString(page)));
        while (m.find()) {
            anchors.add(m.group(1).trim().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
        }
        return anchors;
    }
}
