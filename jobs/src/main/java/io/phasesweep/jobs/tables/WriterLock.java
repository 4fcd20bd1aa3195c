package io.phasesweep.jobs.tables;

import io.phasesweep.jobs.CommandError;
import io.phasesweep.jobs.OneLine;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.ShutdownHookManager;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One writer per output folder: the file {@value #NAME} at its top, created atomically (Hadoop's
 * {@code create(path, overwrite = false)}: an exclusive create on local disks and HDFS; on S3A
 * only with conditional writes, see docs/commands.md), holding who writes (host, process id, start
 * time, command). It is deleted when the command ends, also on failure, Ctrl-C or SIGTERM; a
 * process killed with SIGKILL, or a lost machine, leaves it behind, and the next writer is refused
 * with the holder named until a person deletes the file. Nothing breaks a lock automatically: a
 * process on another host cannot be seen from here, and two writers breaking one stale lock at
 * once would both go on.
 */
public final class WriterLock implements AutoCloseable {
    public static final String NAME = "phasesweep.lock";
    /** Runs before Hadoop closes its file systems (priority 10) at JVM shutdown. */
    private static final int SHUTDOWN_PRIORITY = FileSystem.SHUTDOWN_HOOK_PRIORITY + 1;

    /** The start of a lock's text: its process id and host. */
    private static final Pattern HOLDER = Pattern.compile("pid (\\d{1,18}) on (\\S+) ");

    private final FileSystem fs;
    private final Path file;
    private final String holder;
    private final Runnable onShutdown;
    private boolean released;

    private WriterLock(FileSystem fs, Path file, String holder) {
        this.fs = fs;
        this.file = file;
        this.holder = holder;
        this.onShutdown = this::close;
        ShutdownHookManager.get().addShutdownHook(onShutdown, SHUTDOWN_PRIORITY);
    }

    /** Takes the lock of {@code root} (which must exist) for {@code command}, or refuses naming the holder. */
    static WriterLock acquire(FileSystem fs, Path root, String command) throws CommandError {
        Path file = new Path(root, NAME);
        String holder = "pid " + ProcessHandle.current().pid() + " on " + host() + " since " + Instant.now()
                + " (" + command + ", lock " + UUID.randomUUID().toString().substring(0, 8) + ")";
        // the shutdown hook first: a signal right after the create still releases the lock
        WriterLock lock = new WriterLock(fs, file, holder);
        try {
            createExclusive(fs, file, (holder + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            lock.close();
            if (e instanceof FileAlreadyExistsException || e instanceof java.nio.file.FileAlreadyExistsException
                    || exists(fs, file)) {
                throw busy(fs, root);
            }
            throw new CommandError("cannot write to the output folder " + Ownership.shown(root) + ": " + OneLine.of(e));
        }
        return lock;
    }

    /**
     * Refuses a folder whose lock is held, before a command looks further: a run that has not yet
     * committed rows is named as the writer, not mistaken for a folder without tables.
     */
    static void requireFree(FileSystem fs, Path root) throws CommandError {
        if (exists(fs, new Path(root, NAME))) {
            throw busy(fs, root);
        }
    }

    private static CommandError busy(FileSystem fs, Path root) {
        Path file = new Path(root, NAME);
        String other = held(fs, file);
        return new CommandError(Ownership.shown(root) + " is being written by another phasesweep command: " + other
                + (gone(other) ? ", which no longer runs: delete " : "; if that command no longer runs, delete ")
                + Ownership.shown(file) + " and try again");
    }

    /**
     * Creates {@code file} only if it does not exist, as one step. Hadoop's local file system checks
     * and then creates (two writers can both pass), so a local file is created by the operating
     * system's exclusive create instead; HDFS's NameNode makes {@code create(overwrite = false)} atomic.
     */
    private static void createExclusive(FileSystem fs, Path file, byte[] content) throws IOException {
        if (fs instanceof LocalFileSystem local) {
            java.nio.file.Path path = local.pathToFile(file).toPath();
            Files.createFile(path);
            Files.write(path, content);
            return;
        }
        try (FSDataOutputStream out = fs.create(file, false)) {
            out.write(content);
        }
    }

    /** Deletes the lock file if it is still this lock's. */
    @Override
    public synchronized void close() {
        if (released) {
            return;
        }
        released = true;
        if (ShutdownHookManager.get().hasShutdownHook(onShutdown) && !ShutdownHookManager.get().isShutdownInProgress()) {
            ShutdownHookManager.get().removeShutdownHook(onShutdown);
        }
        try {
            if (holder.equals(held(fs, file))) {
                fs.delete(file, false);
            }
        } catch (IOException e) {
            // the lock stays; the next writer's message names it and says how to remove it
        }
    }

    private static String held(FileSystem fs, Path file) {
        try (InputStream in = fs.open(file)) {
            String text = new String(in.readNBytes(1000), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "an empty lock file" : text.lines().findFirst().orElse("");
        } catch (IOException e) {
            return "a lock file that cannot be read (" + OneLine.of(e) + ")";
        }
    }

    /** Whether the holder is a process of this host that has ended (killed with SIGKILL, or the JVM crashed). */
    private static boolean gone(String holder) {
        Matcher m = HOLDER.matcher(holder);
        return m.lookingAt() && m.group(2).equals(host()) && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty();
    }

    private static boolean exists(FileSystem fs, Path file) {
        try {
            return fs.exists(file);
        } catch (IOException e) {
            return false;
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "an unknown host";
        }
    }
}
