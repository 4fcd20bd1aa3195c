package io.phasesweep.jobs.tables;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.util.UUID;

/**
 * A file that other tools read (the report's page) written whole or not at all: to a temporary
 * name beside it ({@code .NAME.tmp-XXXXXXXX}), then renamed over it, so a full disk or a kill
 * never leaves a truncated file in its place. The rename replaces atomically on local disks and
 * HDFS; on S3A it is a copy, still never a partial file.
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    /** Writes {@code bytes} to {@code path}, creating its folder, marked as phasesweep's. */
    public static void write(Configuration hadoop, Path path, byte[] bytes) throws IOException {
        FileSystem fs = path.getFileSystem(hadoop);
        new Ownership(fs, hadoop).mark(path.getParent());
        Path tmp = new Path(path.getParent(), "." + path.getName() + ".tmp-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            try (FSDataOutputStream out = fs.create(tmp, false)) {
                out.write(bytes);
            }
            FileContext.getFileContext(fs.getUri(), hadoop).rename(fs.makeQualified(tmp), fs.makeQualified(path),
                    Options.Rename.OVERWRITE);
        } finally {
            fs.delete(tmp, false);
        }
    }
}
