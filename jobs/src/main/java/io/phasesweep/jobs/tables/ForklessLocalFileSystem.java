package io.phasesweep.jobs.tables;

import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.io.nativeio.NativeIO;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Hadoop's local file system ({@code file:} paths, with its {@code .crc} checksum files), setting
 * permissions through {@code java.nio} instead of a {@code chmod} process. The launcher selects it
 * for embedded runs ({@code spark.hadoop.fs.file.impl}).
 *
 * <p>Why: without Hadoop's native library (not shipped with the Maven jars) {@link RawLocalFileSystem}
 * forks {@code chmod} for every file and folder it creates: 72 processes for a one-point sweep, 315
 * for 2000 points, 3-4 ms each at the shared machine's load, on the driver's and the tasks'
 * threads. Where the native library is loaded, or for a mode {@code java.nio} cannot set (the
 * sticky bit), Hadoop's own way is used.
 */
public final class ForklessLocalFileSystem extends LocalFileSystem {
    public ForklessLocalFileSystem() {
        super(new Raw());
    }

    /** The raw file system underneath, with {@link #setPermission} done in process. */
    static final class Raw extends RawLocalFileSystem {
        /** The permission bits {@code java.nio} sets, from owner read (0400) to others' execute (0001). */
        private static final PosixFilePermission[] BITS = {
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE,
        };

        @Override
        public void setPermission(Path p, FsPermission permission) throws IOException {
            int mode = permission.toShort();
            if (NativeIO.isAvailable() || (mode & ~0777) != 0) {
                super.setPermission(p, permission);
                return;
            }
            Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
            for (int i = 0; i < BITS.length; i++) {
                if ((mode & (0400 >> i)) != 0) {
                    set.add(BITS[i]);
                }
            }
            try {
                Files.setPosixFilePermissions(pathToFile(p).toPath(), set);
            } catch (UnsupportedOperationException e) {
                // a file store without POSIX permissions: Hadoop's way
                super.setPermission(p, permission);
            }
        }
    }
}
