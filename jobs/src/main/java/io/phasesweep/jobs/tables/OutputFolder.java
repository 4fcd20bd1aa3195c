package io.phasesweep.jobs.tables;

import io.phasesweep.jobs.CommandError;
import io.phasesweep.jobs.OneLine;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The folder a run writes its tables into, local or on any Hadoop file system (HDFS, S3A).
 * Prepared before any work starts: a folder that already holds {@code raw} rows is refused unless
 * overwriting or resuming, one that cannot be written is refused, and so is one where a table's or
 * the report's name is taken by something phasesweep cannot prove it wrote ({@link Ownership}).
 * Commands open it with the folder's {@link WriterLock}, which {@link #close} releases.
 */
public final class OutputFolder implements AutoCloseable {
    /** Tables phasesweep writes under the folder. */
    static final List<String> TABLES = List.of(RawTable.NAME, RunsTable.NAME, PointsTable.NAME,
            BoundariesTable.NAME, ExponentsTable.NAME, NotesTable.NAME, RoundsTable.NAME);
    /** What follows from {@code raw} alone: stale, and removed, once a run has changed {@code raw}. */
    static final List<String> DERIVED = List.of(PointsTable.NAME, BoundariesTable.NAME, ExponentsTable.NAME,
            NotesTable.NAME, Ownership.REPORT);
    /** Top-level local folders of the system (and their parents): never an output folder. */
    private static final Set<String> SYSTEM_FOLDERS = Set.of("/bin", "/boot", "/dev", "/etc", "/home", "/lib",
            "/lib32", "/lib64", "/libx32", "/media", "/mnt", "/opt", "/proc", "/root", "/run", "/sbin", "/srv",
            "/sys", "/tmp", "/usr", "/var", "/usr/local", "/usr/bin", "/usr/lib", "/var/tmp");
    /** Local folders whose contents belong to the system. */
    private static final List<String> SYSTEM_TREES = List.of("/proc/", "/sys/", "/dev/", "/etc/", "/boot/", "/bin/",
            "/sbin/", "/usr/bin/", "/usr/lib/", "/usr/sbin/");

    /** What to do with the rows of earlier runs in the folder. */
    public enum Existing {
        /** refuse the folder */
        REFUSE,
        /** delete phasesweep's tables first */
        OVERWRITE,
        /** keep them: the run adds the missing points ({@code --resume}) */
        RESUME
    }

    private final FileSystem fs;
    private final Path root;
    private final Ownership ownership;
    private final boolean hasRaw;
    private final WriterLock lock;

    private OutputFolder(FileSystem fs, Path root, Ownership ownership, boolean hasRaw, WriterLock lock) {
        this.fs = fs;
        this.root = root;
        this.ownership = ownership;
        this.hasRaw = hasRaw;
        this.lock = lock;
    }

    /**
     * The folder of a run, for {@code command}: checked, locked, then readied (the tables of
     * earlier runs deleted when overwriting; uncommitted files of interrupted writes removed).
     */
    public static OutputFolder prepareLocked(Configuration hadoop, String dir, Existing existing, String command)
            throws CommandError {
        Target target = Target.of(hadoop, dir);
        target.requireOwnedNames();
        mkdirs(target, dir);
        WriterLock lock = WriterLock.acquire(target.fs(), target.root(), command);
        try {
            return ready(target, dir, existing, lock);
        } catch (CommandError | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** As {@link #prepareLocked} without the lock: for a caller that is the folder's only writer (tests). */
    public static OutputFolder prepare(Configuration hadoop, String dir, Existing existing) throws CommandError {
        Target target = Target.of(hadoop, dir);
        target.requireOwnedNames();
        mkdirs(target, dir);
        return ready(target, dir, existing, null);
    }

    private static OutputFolder ready(Target target, String dir, Existing existing, WriterLock lock) throws CommandError {
        FileSystem fs = target.fs();
        Path root = target.root();
        try {
            boolean hasRaw = hasRows(fs, new Path(root, RawTable.NAME));
            if (hasRaw && existing == Existing.REFUSE) {
                throw new CommandError(dir + " already holds raw rows of an earlier run; use --resume to add"
                        + " the missing points, --overwrite to replace them, or choose another --out");
            }
            if (existing == Existing.OVERWRITE) {
                List<String> all = new ArrayList<>(TABLES);
                all.add(Ownership.REPORT);
                for (String name : all) {
                    fs.delete(new Path(root, name), true);
                }
                hasRaw = false;
            }
            // An interrupted write leaves its uncommitted task files in <table>/_temporary; the next
            // write's job commit would publish them with its own (Hadoop's FileOutputCommitter commits
            // every task folder there), so they go first. Hence also: one writer at a time (the lock).
            for (String table : TABLES) {
                fs.delete(new Path(new Path(root, table), "_temporary"), true);
            }
            target.ownership().mark(new Path(root, RawTable.NAME));
            target.ownership().mark(new Path(root, RunsTable.NAME));
            return new OutputFolder(fs, root, target.ownership(), hasRaw, lock);
        } catch (IOException | IllegalArgumentException e) {
            throw new CommandError("cannot write to the output folder " + dir + ": " + OneLine.of(e));
        }
    }

    /**
     * A folder written by an earlier run, to be read ({@code show}, {@code rerun}): its {@code raw}
     * and {@code runs} must be phasesweep's tables with rows.
     */
    public static OutputFolder existing(Configuration hadoop, String dir) throws CommandError {
        Target target = Target.of(hadoop, dir);
        target.requireEarlierRun(dir);
        return new OutputFolder(target.fs(), target.root(), target.ownership(), true, null);
    }

    /**
     * A folder written by an earlier run that {@code command} rewrites the derived tables or the
     * report of ({@code analyze}, {@code report}): checked as by {@link #existing}, and locked.
     */
    public static OutputFolder existingLocked(Configuration hadoop, String dir, String command) throws CommandError {
        Target target = Target.of(hadoop, dir);
        WriterLock.requireFree(target.fs(), target.root());
        target.requireEarlierRun(dir);
        target.requireOwnedNames();
        return new OutputFolder(target.fs(), target.root(), target.ownership(), true,
                WriterLock.acquire(target.fs(), target.root(), command));
    }

    /** The fully qualified path of a table, e.g. {@code file:/home/me/out/ising2d/raw}. */
    public String table(String name) {
        return new Path(root, name).toString();
    }

    /** Refuses a table this folder has not got, or that is not phasesweep's, before Spark reads it. */
    public void requireTable(String name) throws CommandError {
        Path table = new Path(root, name);
        ownership.requireOwned(table, name);
        try {
            if (!hasRows(fs, table) && !fs.exists(new Path(table, "_SUCCESS"))) {
                throw new CommandError(Ownership.shown(root) + " has no " + name + " table"
                        + (DERIVED.contains(name) ? " (phasesweep analyze writes it, for a sweep with an analysis section)" : ""));
            }
        } catch (IOException e) {
            throw new CommandError("cannot read " + table + ": " + OneLine.of(e));
        }
    }

    /**
     * Whether {@code raw} holds rows: of earlier runs when the folder was prepared (and kept), or of
     * a run since (a refined sweep's rounds resume the rounds before them).
     */
    public boolean hasRaw() {
        return hasRaw || hasTable(RawTable.NAME);
    }

    /** Whether the table holds rows now. */
    public boolean hasTable(String name) {
        try {
            return hasRows(fs, new Path(root, name));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Deletes the tables that follow from {@code raw} and the report, once a run has changed
     * {@code raw}: an analysis writes them again; without one, none is better than a stale one.
     * Only what is phasesweep's goes.
     */
    public void removeDerived() throws CommandError {
        for (String name : DERIVED) {
            Path path = new Path(root, name);
            try {
                if (ownership.ownedOrAbsent(path, name)) {
                    fs.delete(path, true);
                }
            } catch (IOException e) {
                throw new CommandError("cannot delete the stale " + path + ": " + OneLine.of(e));
            }
        }
    }

    /** Releases the writer lock, if this folder holds one. */
    @Override
    public void close() {
        if (lock != null) {
            lock.close();
        }
    }

    @Override
    public String toString() {
        return root.toString();
    }

    private static void mkdirs(Target target, String dir) throws CommandError {
        try {
            if (!target.fs().mkdirs(target.root())) {
                throw new CommandError("cannot write to the output folder " + dir + ": cannot create it");
            }
        } catch (IOException e) {
            throw new CommandError("cannot write to the output folder " + dir + ": " + OneLine.of(e));
        }
    }

    private static boolean hasRows(FileSystem fs, Path table) throws IOException {
        if (!fs.exists(table) || !fs.getFileStatus(table).isDirectory()) {
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

    /** A qualified output folder path that is not a system folder, with its file system. */
    private record Target(FileSystem fs, Path root, Ownership ownership) {
        static Target of(Configuration hadoop, String dir) throws CommandError {
            try {
                Path root = new Path(dir);
                FileSystem fs = root.getFileSystem(hadoop);
                root = fs.makeQualified(root);
                String refused = systemFolder(root, fs);
                if (refused != null) {
                    throw new CommandError(dir + ": " + refused + ", not an output folder; choose a folder of its own"
                            + " (e.g. --out out/NAME)");
                }
                if (fs.exists(root) && !fs.getFileStatus(root).isDirectory()) {
                    throw new CommandError(dir + " is a file, not a folder; choose another --out");
                }
                return new Target(fs, root, new Ownership(fs, hadoop));
            } catch (IOException | IllegalArgumentException e) {
                throw new CommandError("cannot use the output folder " + dir + ": " + OneLine.of(e));
            }
        }

        /** Every name a writing command may write or delete must be free or phasesweep's. */
        void requireOwnedNames() throws CommandError {
            for (String name : TABLES) {
                ownership.requireOwned(new Path(root, name), name);
            }
            ownership.requireOwned(new Path(root, Ownership.REPORT), Ownership.REPORT);
        }

        void requireEarlierRun(String dir) throws CommandError {
            try {
                for (String name : List.of(RawTable.NAME, RunsTable.NAME)) {
                    Path table = new Path(root, name);
                    if (!hasRows(fs, table)) {
                        throw new CommandError(dir + " is not a phasesweep output folder (it has no " + name
                                + " table): run a sweep into it first (phasesweep run FILE --out " + dir + ")");
                    }
                    ownership.requireOwned(table, name);
                }
            } catch (IOException e) {
                throw new CommandError("cannot read the output folder " + dir + ": " + OneLine.of(e));
            }
        }

        /** Why {@code root} is a system folder, or null: a file system's root, the home folder, the system's own. */
        private static String systemFolder(Path root, FileSystem fs) {
            if (root.isRoot()) {
                return "the root of its file system";
            }
            if (!"file".equals(fs.getUri().getScheme())) {
                return null;
            }
            String path = java.nio.file.Path.of(root.toUri().getPath()).normalize().toString();
            if (path.equals("/")) {
                return "the root of its file system";
            }
            if (path.equals(java.nio.file.Path.of(System.getProperty("user.home")).normalize().toString())) {
                return "the home folder";
            }
            if (SYSTEM_FOLDERS.contains(path) || SYSTEM_TREES.stream().anyMatch(path::startsWith)) {
                return "a folder of the system";
            }
            return null;
        }
    }
}
