package dev.assay.dsl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.OperatingSystemMXBean;
import dev.assay.dsl.workspace.Workspace;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemoryLimitTest {

    @Test
    void sizesAreReadAsPeopleWriteThem() {
        assertEquals(4_000_000_000L, MemoryLimit.parse("4GB").bytes());
        assertEquals(512L << 20, MemoryLimit.parse("512 MiB").bytes());
        assertEquals(1_500_000_000L, MemoryLimit.parse("1.5gb").bytes());
    }

    @Test
    void badSizesAreRefusedWithWhatToWrite() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MemoryLimit.parse("lots"));
        assertEquals("'lots' is not a memory size: write a number and a unit, like 4GB or 512MB", e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MemoryLimit.parse("1MB")).getMessage()
                .contains("too small"));
        IllegalArgumentException env = assertThrows(IllegalArgumentException.class,
                () -> MemoryLimit.fromEnvironment(Map.of("ASSAY_MEMORY_LIMIT", "4 gigs")));
        assertTrue(env.getMessage().startsWith("ASSAY_MEMORY_LIMIT: '4 gigs' is not a memory size"), env.getMessage());
    }

    @Test
    void theEnvironmentWinsAndTheDefaultLeavesTheHeapRoom() {
        assertEquals(2_000_000_000L, MemoryLimit.fromEnvironment(Map.of("ASSAY_MEMORY_LIMIT", "2GB")).bytes());
        long physical = ((OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize();
        long byDefault = MemoryLimit.fromEnvironment(Map.of()).bytes();
        assertTrue(byDefault + Math.min(Runtime.getRuntime().maxMemory(), physical / 2) <= physical,
                byDefault + " bytes leave no room for the heap");
    }

    @Test
    void theEngineAppliesTheLimitBeforeAndAfterItOpens() {
        try (Workspace ws = Workspace.embedded()) {
            ws.memoryLimit("1GiB");
            assertEquals(1L << 30, engineLimit(ws)); // set before the database opened
            ws.memoryLimit("512MiB");
            assertEquals(512L << 20, engineLimit(ws)); // and on the open one
            assertEquals(512L << 20, ws.memoryLimit().bytes());
        }
    }

    private static long engineLimit(Workspace ws) {
        // current_setting shows the limit rounded for people ('1.0 GiB'): exact enough to tell these apart.
        String shown = (String) ws.engine().smallResult("SELECT current_setting('memory_limit')").get(0).get(0);
        return MemoryLimit.parse(shown.replace(" ", "")).bytes();
    }
}
