package io.phasesweep.jobs.tables;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class ForklessLocalFileSystemTest {
    @Test
    void filesAndFoldersGetTheModesHadoopsChmodWouldGive(@TempDir java.nio.file.Path dir) throws Exception {
        Configuration conf = new Configuration();
        conf.set("fs.file.impl", ForklessLocalFileSystem.class.getName());
        conf.setBoolean("fs.file.impl.disable.cache", true);
        conf.set("fs.permissions.umask-mode", "022");
        try (FileSystem fs = new Path(dir.toUri()).getFileSystem(conf)) {
            assertInstanceOf(ForklessLocalFileSystem.class, fs);
            Path folder = new Path(dir.toUri().toString(), "a/b");
            fs.mkdirs(folder, new FsPermission((short) 0751));
            fs.create(new Path(folder, "f"), new FsPermission((short) 0666), false, 4096, (short) 1, 1 << 20, null).close();
            fs.setPermission(new Path(folder, "f"), new FsPermission((short) 0604));

            assertEquals("rwxr-x--x", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b"))));
            assertEquals("rw----r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b/f"))));
            assertEquals(new FsPermission((short) 0604), fs.getFileStatus(new Path(folder, "f")).getPermission());
        }
    }

    @Test
    void theUmaskAppliesToNewFilesAsInHadoopsOwn(@TempDir java.nio.file.Path dir) throws Exception {
        Configuration conf = new Configuration();
        conf.set("fs.permissions.umask-mode", "027");
        try (FileSystem fs = new ForklessLocalFileSystem()) {
            fs.initialize(dir.toUri(), conf);
            fs.create(new Path(dir.toUri().toString(), "g"), false).close();
            assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("g"))));
        }
    }
}
