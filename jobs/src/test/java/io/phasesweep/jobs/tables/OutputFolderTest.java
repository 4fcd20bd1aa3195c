package io.phasesweep.jobs.tables;

import io.phasesweep.jobs.CommandError;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputFolderTest {
    private final Configuration hadoop = new Configuration();

    @TempDir
    Path tmp;

    private Path earlierRun() throws Exception {
        Path out = tmp.resolve("out");
        Files.createDirectories(out.resolve("raw"));
        Files.createDirectories(out.resolve("runs"));
        Files.writeString(out.resolve("raw").resolve("part-00000.parquet"), "rows");
        Files.writeString(out.resolve("raw").resolve(Ownership.MARKER), "");
        Files.writeString(out.resolve("runs").resolve(Ownership.MARKER), "");
        Files.writeString(out.resolve("notes.txt"), "the user's own file");
        return out;
    }

    @Test
    void refusesAFolderWithRawRows() throws Exception {
        Path out = earlierRun();
        CommandError e = assertThrows(CommandError.class, () -> OutputFolder.prepare(hadoop, out.toString(), OutputFolder.Existing.REFUSE));
        assertEquals(out + " already holds raw rows of an earlier run; use --resume to add the missing points,"
                + " --overwrite to replace them, or choose another --out", e.getMessage());
        assertTrue(Files.exists(out.resolve("raw").resolve("part-00000.parquet")));
    }

    @Test
    void overwriteDeletesOnlyPhasesweepTables() throws Exception {
        Path out = earlierRun();
        Files.createDirectories(out.resolve("report"));
        Files.writeString(out.resolve("report").resolve(Ownership.MARKER), "");
        Files.writeString(out.resolve("report").resolve("index.html"), "<title>an old page</title>");
        OutputFolder folder = OutputFolder.prepare(hadoop, out.toString(), OutputFolder.Existing.OVERWRITE);
        assertFalse(Files.exists(out.resolve("raw").resolve("part-00000.parquet")));
        assertFalse(Files.exists(out.resolve("report")));
        // the marker (and its checksum), for the run that follows
        assertTrue(names(out.resolve("runs")).stream().allMatch(n -> n.startsWith(Ownership.MARKER) || n.startsWith("." + Ownership.MARKER)));
        assertTrue(Files.exists(out.resolve("notes.txt")));
        assertEquals(out.resolve("raw").toString(), new org.apache.hadoop.fs.Path(folder.table("raw")).toUri().getPath());
    }

    @Test
    void aRawFolderWithoutRowsIsNotAnEarlierRun() throws Exception {
        Path raw = Files.createDirectories(tmp.resolve("out").resolve("raw"));
        Files.writeString(raw.resolve("_SUCCESS"), "");
        OutputFolder.prepare(hadoop, tmp.resolve("out").toString(), OutputFolder.Existing.REFUSE);
        assertTrue(Files.exists(raw.resolve("_SUCCESS")));
    }

    /** An interrupted write's task files would be published by the next write's job commit. */
    @Test
    void deletesTheUncommittedFilesOfAnInterruptedWrite() throws Exception {
        Path out = earlierRun();
        Path debris = Files.createDirectories(out.resolve("raw").resolve("_temporary").resolve("0").resolve("task_1"));
        Files.writeString(debris.resolve("part-00001.parquet"), "uncommitted rows");
        OutputFolder.prepare(hadoop, out.toString(), OutputFolder.Existing.RESUME);
        assertFalse(Files.exists(out.resolve("raw").resolve("_temporary")));
        assertTrue(Files.exists(out.resolve("raw").resolve("part-00000.parquet")));
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void refusesAFolderThatCannotBeCreated() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "not a folder");
        String dir = file.resolve("out").toString();
        CommandError e = assertThrows(CommandError.class, () -> OutputFolder.prepare(hadoop, dir, OutputFolder.Existing.REFUSE));
        assertTrue(e.getMessage().startsWith("cannot write to the output folder " + dir), e.getMessage());
    }
}
