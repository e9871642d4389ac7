package dev.assay.kernel.java;

import java.util.Map;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/** Hands JShell our in-process execution control and keeps a reference to it. */
final class CellExecutionProvider implements ExecutionControlProvider {

    private volatile CellExecutionControl control;

    @Override
    public String name() {
        return "assay-local";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        control = new CellExecutionControl();
        return control;
    }

    CellExecutionControl control() {
        return control;
    }
}
