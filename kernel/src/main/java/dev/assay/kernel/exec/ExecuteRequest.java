package dev.assay.kernel.exec;

import java.util.Map;

/** The options of one execution, as in the protocol's execute_request. */
public record ExecuteRequest(
        String code,
        boolean silent,
        boolean storeHistory,
        Map<String, String> userExpressions,
        boolean allowStdin,
        boolean stopOnError) {

    public ExecuteRequest {
        userExpressions = Map.copyOf(userExpressions);
        if (silent) {
            storeHistory = false; // the spec: silent forces store_history off
        }
    }

    public static ExecuteRequest of(String code) {
        return new ExecuteRequest(code, false, true, Map.of(), false, true);
    }
}
