package dev.assay.kernel.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.viz.PlainTextRenderer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * Parameters of a headless run, as papermill has them: {@code -p NAME=VALUE} values become a
 * cell of Java declarations, tagged {@code injected-parameters}, placed after the cell tagged
 * {@code parameters} (or first, when no cell has that tag) so they override its defaults.
 * Values are typed as written: an integer ({@code int}, or {@code long} when it does not
 * fit), a decimal ({@code double}), {@code true}/{@code false}, else text ({@code String}).
 * The raw text of each value is what {@code $NAME} stands for in {@code %%assay} cells.
 */
public final class NotebookParameters {

    public static final String PARAMETERS_TAG = "parameters";
    public static final String INJECTED_TAG = "injected-parameters";
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]+\\.[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?|[-+]?[0-9]+[eE][-+]?[0-9]+");


    private final Map<String, String> values;

    private NotebookParameters(Map<String, String> values) {
        this.values = values;
    }

    /** Reads {@code NAME=VALUE} arguments; a malformed one or a name given twice is refused with the rule. */
    public static NotebookParameters parse(List<String> arguments) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String argument : arguments) {
            int eq = argument.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("parameter '" + argument + "' is not NAME=VALUE");
            }
            String name = argument.substring(0, eq);
            // ASCII (as $NAME in %%assay reads it) and a name javac accepts for a variable.
            if (!NAME.matcher(name).matches() || !SourceVersion.isName(name)) {
                throw new IllegalArgumentException("parameter name '" + name + "' is not a Java variable name: use letters, "
                        + "digits and _, not starting with a digit, not a Java keyword");
            }
            if (values.put(name, argument.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("parameter '" + name + "' is given twice");
            }
        }
        return new NotebookParameters(values);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Each parameter's raw text, for {@code $NAME}. */
    public Map<String, String> rawValues() {
        return Collections.unmodifiableMap(values);
    }

    /** The Java declarations of the injected cell, one a line. */
    public String javaSource() {
        StringBuilder s = new StringBuilder("// Parameters of this run (assay run -p)\n");
        values.forEach((name, value) -> s.append(declaration(name, value)).append('\n'));
        return s.toString().stripTrailing();
    }

    static String declaration(String name, String value) {
        if (INTEGER.matcher(value).matches()) {
            try {
                return "int " + name + " = " + Integer.parseInt(value) + ";";
            } catch (NumberFormatException tooBig) {
                try {
                    return "long " + name + " = " + Long.parseLong(value) + "L;";
                } catch (NumberFormatException evenBigger) {
                    return "String " + name + " = " + PlainTextRenderer.describe(value) + ";"; // a Java literal
                }
            }
        }
        if (DECIMAL.matcher(value).matches() && Double.isFinite(Double.parseDouble(value))) {
            return "double " + name + " = " + Double.parseDouble(value) + ";";
        }
        if (value.equals("true") || value.equals("false")) {
            return "boolean " + name + " = " + value + ";";
        }
        return "String " + name + " = " + PlainTextRenderer.describe(value) + ";"; // a Java literal
    }

    /**
     * Puts the parameters cell into the notebook: after the cell tagged {@code parameters}, or
     * first; a cell injected by an earlier run is replaced, as papermill does.
     */
    public void injectInto(ObjectNode notebook) {
        ArrayNode cells = (ArrayNode) notebook.get("cells");
        for (int i = cells.size() - 1; i >= 0; i--) {
            if (hasTag(cells.get(i), INJECTED_TAG)) {
                cells.remove(i);
            }
        }
        int at = 0;
        for (int i = 0; i < cells.size(); i++) {
            if (hasTag(cells.get(i), PARAMETERS_TAG)) {
                at = i + 1;
                break;
            }
        }
        ObjectNode cell = cells.insertObject(at);
        cell.put("cell_type", "code");
        if (notebook.path("nbformat_minor").asInt(0) >= 5) {
            cell.put("id", "injected-parameters"); // ids are nbformat 4.5's; older notebooks must not have them
        }
        cell.putObject("metadata").putArray("tags").add(INJECTED_TAG);
        cell.put("source", javaSource());
        cell.putArray("outputs");
        cell.putNull("execution_count");
    }

    private static boolean hasTag(JsonNode cell, String tag) {
        for (JsonNode t : cell.path("metadata").path("tags")) {
            if (tag.equals(t.asText())) {
                return true;
            }
        }
        return false;
    }
}
