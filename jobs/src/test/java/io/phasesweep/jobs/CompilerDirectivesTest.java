package io.phasesweep.jobs;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.ObjectName;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompilerDirectivesTest {
    @Test
    void theLaunchersDirectivesAreAcceptedByThisJvm() throws Exception {
        Path file = Path.of("..", "conf", "compiler-directives.json");
        assertTrue(Files.isRegularFile(file), file.toAbsolutePath().toString());
        try {
            assertEquals("2 compiler directives added", CompilerDirectives.add(file.toString()).strip());
        } finally {
            // the rest of the tests in this JVM compile as before
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "compilerDirectivesClear", new Object[0], new String[0]);
        }
    }

    @Test
    void aFileTheJvmRejectsIsAReplyNotAFailure() {
        String reply = CompilerDirectives.add(Path.of("no-such-directives.json").toString());
        assertTrue(reply.contains("Could not load file"), reply);
    }
}
