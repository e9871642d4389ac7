package dev.assay.spark.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connect.service.SparkConnectService;
import scala.Option;

/**
 * A Spark Connect server on 127.0.0.1 for one user's notebooks and tests: a classic local
 * session served over gRPC. It prints the location to {@code use} once it accepts sessions, and
 * stops on Ctrl-C or when the process that started it ends.
 */
public final class LoopbackConnectServer {

    private LoopbackConnectServer() {
    }

    public static void main(String[] args) {
        int port = 15002;
        String master = "local[*]";
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                case "--master" -> master = value(args, ++i, "--master");
                case "--conf" -> {
                    String setting = value(args, ++i, "--conf");
                    int equals = setting.indexOf('=');
                    if (equals <= 0) {
                        System.err.println("--conf takes KEY=VALUE, as spark-submit's does; got " + setting);
                        System.exit(2);
                    }
                    settings.put(setting.substring(0, equals), setting.substring(equals + 1));
                }
                default -> {
                    System.err.println("unknown option " + args[i] + "; spark/serve takes --port N, --master M and --conf KEY=VALUE");
                    System.exit(2);
                }
            }
        }
        SparkSession.Builder builder = SparkSession.builder().master(master).appName("assay-spark-serve")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.shuffle.partitions", "8")
                // Blocks of released checkpoints are freed at the next collection: make it come within a minute.
                .config("spark.cleaner.periodicGC.interval", "1min")
                .config("spark.connect.grpc.binding.address", "127.0.0.1")
                .config("spark.connect.grpc.binding.port", String.valueOf(port));
        // The user's settings come last and win, except where the server binds: only the loopback address.
        settings.forEach(builder::config);
        builder.config("spark.connect.grpc.binding.address", "127.0.0.1");
        SparkSession spark = builder.getOrCreate();
        SparkConnectService.start(spark.sparkContext());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(spark)));
        System.out.println("Spark Connect " + spark.version() + " on " + master + " is ready: use spark 'sc://127.0.0.1:" + port + "'");
        System.out.flush();
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        if (parent.isPresent()) {
            parent.get().onExit().join();
            System.exit(0); // the shutdown hook stops Spark
        }
        try {
            Thread.currentThread().join(); // until Ctrl-C: the shutdown hook stops Spark
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return args[i];
    }

    private static void stop(SparkSession spark) {
        try {
            SparkConnectService.stop(Option.empty(), Option.empty());
        } finally {
            spark.stop();
        }
    }
}
