package dev.assay.kernel.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A long session must not keep what the user can no longer reach: an expression's value, once
 * shown, is released (JShell would keep it as {@code $N} for the rest of the session and import
 * it into every later compilation); what the user declared stays.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExpressionResultReleaseTest {

    private TestSession session;

    @BeforeAll
    void start() {
        session = new TestSession();
        session.run("""
                List<java.lang.ref.WeakReference<Object>> tracked = new ArrayList<>();
                Object track(Object value) { tracked.add(new java.lang.ref.WeakReference<>(value)); return value; }
                boolean released(int i) {
                    for (int attempt = 0; attempt < 20 && tracked.get(i).get() != null; attempt++) System.gc();
                    return tracked.get(i).get() == null;
                }
                """);
    }

    @AfterAll
    void stop() {
        session.close();
    }

    @Test
    void anExpressionsValueIsShownThenReleased() {
        int index = Integer.parseInt(session.run("tracked.size()").result());
        assertNotNull(session.run("track(new int[3])").result());
        assertEquals("true", session.run("released(" + index + ")").result());
    }

    @Test
    void aDeclaredValueStaysReachable() {
        session.run("int[] kept = (int[]) track(new int[] {4, 2});");
        session.run("kept.length"); // an expression about it, released itself, must not take it along
        assertEquals("false", session.run("released(tracked.size() - 1)").result());
        assertEquals("42", session.run("kept[0] * 10 + kept[1]").result());
    }

    @Test
    void everyExpressionOfACellIsReleasedAndTheLastIsTheResult() {
        int first = Integer.parseInt(session.run("tracked.size()").result());
        assertEquals("\"b\"", session.run("track(new String(\"a\"));\ntrack(new String(\"b\"))").result());
        assertEquals("true", session.run("released(" + first + ") && released(" + (first + 1) + ")").result());
    }
}
