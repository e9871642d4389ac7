import dev.assay.dsl.workspace.Workspace;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.RendererRegistry;
import dev.assay.viz.chart.ChartImages;
import dev.assay.viz.chart.DriftCharts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * Writes one example of each picture and table kind into visualizations/examples, from the
 * real datasets of the shared folder, so that reviewers can look at them:
 *
 *   mvn -B -q package -DskipTests
 *   java --add-opens=java.base/java.nio=ALL-UNNAMED -Djava.awt.headless=true \
 *       -cp kernel/target/assay.jar visualizations/examples/Examples.java [SHARED_DIR]
 */
public class Examples {

    record Passenger(String name, int age, boolean survived, String note) {
    }

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args.length > 0 ? args[0] : System.getenv().getOrDefault("ASSAY_SHARED", "../shared"));
        Path out = Path.of("visualizations/examples");
        RendererRegistry registry = RendererRegistry.withDefaults();
        try (Workspace ws = Workspace.embedded()) {
            ws.query("SELECT * FROM read_csv(" + ws.engine().quoteLiteral(shared.resolve("data/taxis.csv").toString()) + ")", "taxis");
            ws.query("SELECT * FROM taxis WHERE color = 'yellow'", "yellow");
            ws.query("SELECT * FROM taxis WHERE color = 'green'", "green");
            var drift = ws.dataset("yellow").drift(ws.dataset("green"));
            MimeBundle driftBundle = registry.render(drift);
            png(out.resolve("drift-taxis-yellow-vs-green.png"), driftBundle);
            page(out.resolve("drift-taxis-yellow-vs-green.html"), "drift yellow vs green", driftBundle);
            Files.writeString(out.resolve("drift-fare.svg"), ChartImages.svg(DriftCharts.charts(drift).stream()
                    .filter(c -> c.getTitle().startsWith("fare")).findFirst().orElseThrow()));

            MimeBundle profile = registry.render(ws.dataset("taxis").profile());
            png(out.resolve("profile-taxis.png"), profile);
            page(out.resolve("profile-taxis.html"), "profile taxis", profile);

            page(out.resolve("table-taxis.html"), "show taxis", registry.render(ws.dataset("taxis").show(10)));
            Files.writeString(out.resolve("table-taxis.txt"), registry.render(ws.dataset("taxis").show(10)).plainText() + "\n");
            page(out.resolve("java-records.html"), "a list of records", registry.render(List.of(
                    new Passenger("Allen", 29, true, "<b>not bold</b>"), new Passenger("Braund", 22, false, null),
                    new Passenger("Cumings", 38, true, ""))));
        }
    }

    private static void png(Path file, MimeBundle bundle) throws Exception {
        Files.write(file, Base64.getDecoder().decode((String) bundle.data().get(MimeBundle.IMAGE_PNG)));
    }

    /** The bundle's HTML in a page, as a notebook or a report shows it. */
    private static void page(Path file, String title, MimeBundle bundle) throws Exception {
        Files.writeString(file, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + title + "</title>"
                + "<style>body{font-family:sans-serif;font-size:13px} table{border-collapse:collapse} "
                + "td,th{padding:2px 8px;border-bottom:1px solid #ddd}</style></head><body>\n"
                + bundle.data().get(MimeBundle.TEXT_HTML) + "\n</body></html>\n");
    }
}
