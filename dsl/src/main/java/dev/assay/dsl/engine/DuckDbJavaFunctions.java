package dev.assay.dsl.engine;

import dev.assay.dsl.functions.CDoubleFormat;
import dev.assay.dsl.functions.TextNormalizer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBScalarFunctionBuilder;

/**
 * Registers the engine-neutral functions of {@code dev.assay.dsl.functions} in DuckDB under
 * names starting {@code assay_}, so that SQL can call the definition itself where DuckDB's own
 * functions are not proven equal to it (another engine registers the same methods as UDFs).
 */
final class DuckDbJavaFunctions {

    /** C's %.17g of a DOUBLE ({@link CDoubleFormat#g17}). */
    static final String G17 = "assay_g17";
    /** Text as {@code normalize} compares it ({@link TextNormalizer#normalize}). */
    static final String NORMALIZE = "assay_normalize";
    /** DuckDB's lower(), code point by code point ({@link TextNormalizer#lower}). */
    static final String LOWER = "assay_lower";

    private DuckDbJavaFunctions() {
    }

    /** Once per database: the functions live in its catalog, which every connection to it shares. */
    static void register(Connection connection) throws SQLException {
        register(connection, G17, DuckDBColumnType.DOUBLE, (Double x) -> CDoubleFormat.g17(x));
        register(connection, NORMALIZE, DuckDBColumnType.VARCHAR, (String s) -> TextNormalizer.normalize(s));
        register(connection, LOWER, DuckDBColumnType.VARCHAR, (String s) -> TextNormalizer.lower(s));
    }

    /** NULL in, NULL out, as DuckDB's own functions (the builder hands Java functions NULL). */
    private static <T> void register(Connection connection, String name, DuckDBColumnType parameter,
                                     Function<T, String> function) throws SQLException {
        try (DuckDBScalarFunctionBuilder builder = DuckDBFunctions.scalarFunction()) {
            builder.withName(name).withParameter(parameter).withReturnType(DuckDBColumnType.VARCHAR)
                    .withFunction((T value) -> value == null ? null : function.apply(value)).register(connection);
        }
    }
}
