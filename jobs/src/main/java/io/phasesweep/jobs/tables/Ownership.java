package io.phasesweep.jobs.tables;

import io.phasesweep.jobs.CommandError;
import io.phasesweep.jobs.OneLine;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What phasesweep may delete or overwrite in an output folder: only what it can prove it wrote.
 *
 * <p>A table folder ({@code raw}, {@code runs}, {@code points}, ...) is phasesweep's when it holds
 * nothing but what Spark's Parquet writer and phasesweep put there (part files, {@code _SUCCESS},
 * {@code _temporary}, {@code .crc} checksums, the marker {@value #MARKER}) and, if it holds any
 * part file, either the marker or a first part file whose Parquet schema has the table's
 * identifying columns (folders of versions before the marker, and tables that Spark rewrites
 * whole, which drops the marker). The {@code report} folder is phasesweep's when it holds only the
 * marker, pages and their temporary files, and the marker or a page phasesweep generated. An empty
 * folder holds nothing to lose. Anything else is a user's and is refused, never touched.
 */
public final class Ownership {
    /** The file phasesweep writes into each folder it creates; Spark's readers skip names starting with '_'. */
    public static final String MARKER = "_phasesweep";
    /** The report folder and its page. */
    public static final String REPORT = "report";
    public static final String PAGE = "index.html";
    /** What phasesweep's own page says in its first kilobytes (its title). */
    private static final String PAGE_SIGNATURE = "phasesweep report</title>";

    /** Columns each table has had in every version: what marks a Parquet file as that table's. */
    private static final Map<String, List<String>> KEY_COLUMNS = Map.of(
            RawTable.NAME, List.of("sweep", "point", "run_id", "status"),
            RunsTable.NAME, List.of("run_id", "sweep", "sweep_file"),
            PointsTable.NAME, List.of("sweep", "model", "size", "replicas"),
            BoundariesTable.NAME, List.of("sweep", "model", "critical_value"),
            ExponentsTable.NAME, List.of("sweep", "model", "quantity"),
            NotesTable.NAME, List.of("sweep", "model", "note"),
            RoundsTable.NAME, List.of("sweep", "model", "round", "core_seconds"));

    private final FileSystem fs;
    private final Configuration hadoop;

    Ownership(FileSystem fs, Configuration hadoop) {
        this.fs = fs;
        this.hadoop = hadoop;
    }

    /**
     * Refuses {@code path} unless it is absent or phasesweep's table or report folder called
     * {@code name}: the one check before anything is deleted or overwritten.
     */
    void requireOwned(Path path, String name) throws CommandError {
        String why = foreign(path, name);
        if (why != null) {
            throw new CommandError(shown(path) + " is not phasesweep's (" + why + "); phasesweep writes its " + name
                    + " there: move it away or choose another --out");
        }
    }

    /** A path as a person types it: a local one without {@code file:}, any other in full. */
    public static String shown(Path path) {
        return "file".equals(path.toUri().getScheme()) ? path.toUri().getPath() : path.toString();
    }

    /** Whether {@code path} is absent or phasesweep's, for a deletion that skips what is not. */
    boolean ownedOrAbsent(Path path, String name) throws CommandError {
        return foreign(path, name) == null;
    }

    /** Writes the marker into a folder phasesweep made (creating the folder if needed). */
    void mark(Path dir) throws IOException {
        fs.mkdirs(dir);
        Path marker = new Path(dir, MARKER);
        if (!fs.exists(marker)) {
            fs.create(marker, false).close();
        }
    }

    /** Why {@code path} is not phasesweep's {@code name}, or null when it is (or is absent). */
    private String foreign(Path path, String name) throws CommandError {
        try {
            if (!fs.exists(path)) {
                return null;
            }
            FileStatus status = fs.getFileStatus(path);
            if (!status.isDirectory()) {
                return "a file, not a folder";
            }
            boolean marked = false;
            Path firstPart = null;
            boolean page = false;
            for (FileStatus f : fs.listStatus(path)) {
                String file = f.getPath().getName();
                if (file.equals(MARKER)) {
                    marked = true;
                } else if (isSparkBookkeeping(file, f)) {
                    continue;
                } else if (name.equals(REPORT) && f.isFile() && (file.equals(PAGE) || file.startsWith("." + PAGE))) {
                    page = page || file.equals(PAGE);
                } else if (!name.equals(REPORT) && f.isFile() && file.startsWith("part-") && file.endsWith(".parquet")) {
                    firstPart = firstPart == null || file.compareTo(firstPart.getName()) < 0 ? f.getPath() : firstPart;
                } else {
                    return "it holds " + file + ", which phasesweep does not write";
                }
            }
            if (marked) {
                return null;
            }
            if (name.equals(REPORT)) {
                return !page || generatedPage(new Path(path, PAGE)) ? null : PAGE + " was not written by phasesweep";
            }
            return firstPart == null || hasKeyColumns(firstPart, name) ? null
                    : firstPart.getName() + " is Parquet without the columns of phasesweep's " + name + " table";
        } catch (IOException | RuntimeException e) {
            throw new CommandError("cannot check " + shown(path) + ": " + OneLine.of(e));
        }
    }

    /**
     * What Spark's file writers put beside the part files: job markers, uncommitted work (also the
     * S3A magic committer's {@code __magic_job-*} folders), checksums of the local file system.
     */
    private static boolean isSparkBookkeeping(String file, FileStatus f) {
        return file.equals("_SUCCESS") || (file.equals("_temporary") || file.startsWith("__magic")) && f.isDirectory()
                || file.startsWith(".") && file.endsWith(".crc") && f.isFile();
    }

    private boolean hasKeyColumns(Path part, String name) {
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(part, hadoop))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            return KEY_COLUMNS.get(name).stream().allMatch(schema::containsField);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private boolean generatedPage(Path page) throws IOException {
        try (InputStream in = fs.open(page)) {
            return new String(in.readNBytes(4096), StandardCharsets.UTF_8).contains(PAGE_SIGNATURE);
        }
    }
}
