package dev.assay.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How Spark's spelling reads files and unnests lists. Each statement here was run on a Spark
 * Connect 4.0.1 server against DuckDB's result for the same input (see the report of issue 23).
 */
class SparkDialectReadersTest {

    private final SparkDialect spark = new SparkDialect();

    @Test
    void csvOptionsTakeSparkNamesWithHeaderAndTypesInferred() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("delim", spark.quoteLiteral(";"));
        options.put("nullstr", spark.quoteLiteral("NA"));
        options.put("ignore_errors", "true");
        assertEquals("csv.`/d/it's.csv` WITH ('inferSchema' = 'true', 'sep' = ';', 'nullValue' = 'NA', "
                + "'mode' = 'DROPMALFORMED', 'header' = 'true')", spark.readCsv("/d/it's.csv", options));
        options.put("header", "false");
        assertTrue(spark.readCsv("/d/t.csv", options).endsWith("'header' = 'false')"));
        assertFalse(spark.keepsCsvRejects(), "Spark keeps no table of rejected rows");
    }

    @Test
    void csvOptionsSparkCannotHonourAreRefusedByName() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> spark.readCsv("/d/t.csv", Map.of("skip", "3")));
        assertTrue(refused.getMessage().contains("skip"), refused.getMessage());
    }

    @Test
    void jsonIsOneDocumentUnlessNewlineDelimited() {
        assertEquals("json.`/d/t.json` WITH ('multiLine' = 'true')", spark.readJson("/d/t.json", false, false));
        assertEquals("json.`/d/t.ndjson` WITH ('mode' = 'DROPMALFORMED')", spark.readJson("/d/t.ndjson", true, true));
    }

    @Test
    void listsUnnestedSideBySideAreRecordsOfOneInline() {
        assertEquals("inline(array(named_struct('w', 0,\n  'v', c0), named_struct('w', 1,\n  'v', c1)))",
                spark.unnestColumns(List.of("w", "v"), List.of(List.of("0", "1"), List.of("c0", "c1"))));
        assertEquals("explode(sequence(0, n - 1)) AS k", spark.unnestList(spark.integersBelow("n"), "k"));
    }
}
