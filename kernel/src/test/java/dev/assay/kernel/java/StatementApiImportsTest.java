package dev.assay.kernel.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.lang.StatementRegistry;
import dev.assay.dsl.sample.SamplePlan;
import java.io.PrintStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Java cells see every statement's Java API types by their simple names: the imports come from the statement registry. */
class StatementApiImportsTest {

    private static JavaEvaluator java;

    @BeforeAll
    static void start() {
        java = JavaEvaluator.start(new PrintStream(PrintStream.nullOutputStream()));
    }

    @AfterAll
    static void stop() {
        java.close();
    }

    @Test
    void everyStatementsJavaTypeIsImported() {
        assertTrue(StatementRegistry.builtIn().javaApi().contains(SamplePlan.class));
        for (Class<?> type : StatementRegistry.builtIn().javaApi()) {
            JavaResult result = java.eval(type.getSimpleName() + ".class.getName()", "Cell In[1]");
            assertNull(result.error(), type.getSimpleName() + ": " + result.error());
            assertEquals(type.getName(), result.value());
        }
    }
}
