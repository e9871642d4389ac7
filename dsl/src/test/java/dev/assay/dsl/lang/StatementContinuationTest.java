package dev.assay.dsl.lang;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatementContinuationTest {

    @Test
    void aLastLineEndingInACommaGoesOn() {
        assertTrue(StatementContinuation.goesOn("check t: rows > 1,\n"));
        assertTrue(StatementContinuation.goesOn("check t: rows > 1,   # more rules below\n\n"));
        assertTrue(StatementContinuation.goesOn("profile t on a,\n  b,"));
    }

    @Test
    void commasInStringsCommentsOrEarlierLinesDoNot() {
        assertFalse(StatementContinuation.goesOn("check t: rows > 1,\n  missing(a) = 0\n"));
        assertFalse(StatementContinuation.goesOn("t = load 'a,'\n"));
        assertFalse(StatementContinuation.goesOn("show t  # a, b,\n"));
        assertFalse(StatementContinuation.goesOn(""));
        assertFalse(StatementContinuation.goesOn("t = load 'no closing quote,"));
    }
}
