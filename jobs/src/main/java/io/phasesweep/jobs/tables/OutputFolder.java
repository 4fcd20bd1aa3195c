package io.phasesweep.jobs.tables;

import io.phasesweep.jobs.CommandError;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.util.List;

/**
 * The folder a run writes its tables into, local or on any Hadoop file system (HDFS, S3A).
 * Prepared before any work starts: a folder that already holds {@code raw} rows is refused unless
 * overwriting or resuming, and one that cannot be written is refused.
 */
public final class OutputFolder {
    /** Tables phasesweep writes under the folder; --overwrite removes exactly these. */
    static final List<String> TABLES = List.of(RawTable.NAME, RunsTable.NAME, PointsTable.NAME,
            BoundariesTable.NAME, ExponentsTable.NAME, NotesTable.NAME);

    /** What to do with the rows of earlier runs in the folder. */
    public enum Existing {
        /** refuse the folder */
        REFUSE,
        /** delete phasesweep's tables first */
        OVERWRITE,
        /** keep them: the run adds the missing points ({@code --resume}) */
        RESUME
    }

    private final Path root;
    private final boolean hasRaw;

    private OutputFolder(Path root, boolean hasRaw) {
        this.root = root;
        this.hasRaw = hasRaw;
    }

    public static OutputFolder prepare(Configuration hadoop, String dir, Existing existing) throws CommandError {
        try {
            Path root = new Path(dir);
            FileSystem fs = root.getFileSystem(hadoop);
            root = fs.makeQualified(root);
            boolean hasRaw = hasRows(fs, new Path(root, "raw"));
            if (hasRaw && existing == Existing.REFUSE) {
                throw new CommandError(dir + " already holds raw rows of an earlier run; use --resume to add"
                        + " the missing points, --overwrite to replace them, or choose another --out");
            }
            if (hasRaw && existing == Existing.OVERWRITE) {
                for (String table : TABLES) {
                    fs.delete(new Path(root, table), true);
                }
                hasRaw = false;
            }
            // An interrupted write leaves its uncommitted task files in <table>/_temporary; the next
            // write's job commit would publish them with its own (Hadoop's FileOutputCommitter commits
            // every task folder there), so they go first. Hence also: one run at a time per folder.
            for (String table : TABLES) {
                fs.delete(new Path(new Path(root, table), "_temporary"), true);
            }
            if (!fs.mkdirs(root)) {
                throw new CommandError("cannot create the output folder " + dir);
            }
            Path probe = new Path(root, ".phasesweep-write-test");
            fs.create(probe, true).close();
            fs.delete(probe, false);
            return new OutputFolder(root, hasRaw);
        } catch (IOException | IllegalArgumentException e) {
            throw new CommandError("cannot write to the output folder " + dir + ": " + e.getMessage());
        }
    }

    /** A folder written by an earlier run, for re-analysis: it must hold {@code raw} rows and a {@code runs} table. */
    public static OutputFolder existing(Configuration hadoop, String dir) throws CommandError {
        try {
            Path root = new Path(dir);
            FileSystem fs = root.getFileSystem(hadoop);
            root = fs.makeQualified(root);
            if (!hasRows(fs, new Path(root, "raw")) || !hasRows(fs, new Path(root, "runs"))) {
                throw new CommandError(dir + " holds no raw and runs tables: run the sweep first (phasesweep run FILE --out "
                        + dir + ")");
            }
            return new OutputFolder(root, true);
        } catch (IOException | IllegalArgumentException e) {
            throw new CommandError("cannot read the output folder " + dir + ": " + e.getMessage());
        }
    }

    /** The fully qualified path of a table, e.g. {@code file:/home/me/out/ising2d/raw}. */
    public String table(String name) {
        return new Path(root, name).toString();
    }

    /** Whether {@code raw} held rows of earlier runs when the folder was prepared (and kept). */
    public boolean hasRaw() {
        return hasRaw;
    }

    @Override
    public String toString() {
        return root.toString();
    }

    private static boolean hasRows(FileSystem fs, Path table) throws IOException {
        if (!fs.exists(table)) {
            return false;
        }
        for (FileStatus f : fs.listStatus(table)) {
            String name = f.getPath().getName();
            if (!name.startsWith("_") && !name.startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
