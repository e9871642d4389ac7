package dev.assay.kernel.exec.magic;

import dev.assay.kernel.deps.MavenResolver;
import dev.assay.kernel.exec.CellContext;
import dev.assay.kernel.exec.CellError;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.aether.resolution.DependencyResolutionException;

/** {@code %maven group:artifact:version...}: resolves artifacts with their dependencies and adds them. */
final class MavenMagic implements Magic {

    private final MavenResolver resolver = MavenResolver.userDefault();

    @Override
    public String name() {
        return "maven";
    }

    @Override
    public String help() {
        return "%maven group:artifact:version...: add Maven artifacts and their dependencies";
    }

    @Override
    public boolean isCellMagic() {
        return false;
    }

    /** The resolver wraps the reason (a missing POM, no network) several layers deep. */
    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? "" : " (" + root.getMessage() + ")";
    }

    @Override
    public CellError run(String args, String body, CellContext context) {
        if (args.isBlank()) {
            return CellError.of("UsageError", "usage: %maven group:artifact:version...");
        }
        int added = 0;
        for (String coordinates : args.strip().split("\\s+")) {
            List<Path> jars;
            try {
                jars = resolver.resolve(coordinates);
            } catch (IllegalArgumentException e) {
                return CellError.of("UsageError", e.getMessage());
            } catch (DependencyResolutionException e) {
                return CellError.of("DependencyResolutionException", "%maven could not resolve " + coordinates
                        + ": " + e.getMessage() + rootCause(e));
            }
            for (Path jar : jars) {
                context.addToClasspath(jar);
            }
            added += jars.size();
        }
        context.out().stream("stdout", "Added " + added + (added == 1 ? " jar" : " jars") + " to the classpath\n");
        ExtensionMessages.show(context);
        return null;
    }
}
