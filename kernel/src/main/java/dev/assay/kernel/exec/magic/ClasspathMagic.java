package dev.assay.kernel.exec.magic;

import dev.assay.kernel.exec.CellContext;
import dev.assay.kernel.exec.CellError;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code %classpath add PATH...}: jars or class directories (globs allowed) for later cells. */
final class ClasspathMagic implements Magic {

    @Override
    public String name() {
        return "classpath";
    }

    @Override
    public String help() {
        return "%classpath add PATH...: add jars or class folders (globs like lib/*.jar) for later cells";
    }

    @Override
    public boolean isCellMagic() {
        return false;
    }

    @Override
    public CellError run(String args, String body, CellContext context) throws IOException {
        String[] words = args.strip().split("\\s+");
        if (words.length < 2 || !words[0].equals("add")) {
            return CellError.of("UsageError", "usage: %classpath add PATH... (got: %classpath " + args.strip() + ")");
        }
        List<Path> paths = new ArrayList<>();
        for (int i = 1; i < words.length; i++) {
            List<Path> matched = expand(words[i]);
            if (matched.isEmpty()) {
                return CellError.of("FileNotFoundException", "%classpath: nothing at " + words[i]
                        + " (relative to " + Path.of("").toAbsolutePath() + ")");
            }
            paths.addAll(matched);
        }
        for (Path p : paths) {
            context.addToClasspath(p);
        }
        context.out().stream("stdout", "Added to the classpath: " + paths.size()
                + (paths.size() == 1 ? " entry" : " entries") + "\n");
        ExtensionMessages.show(context);
        return null;
    }

    /** A path, or a glob in its last part ({@code lib/*.jar}). */
    static List<Path> expand(String word) throws IOException {
        Path path = Path.of(word).toAbsolutePath().normalize();
        String last = path.getFileName() == null ? "" : path.getFileName().toString();
        if (!last.contains("*") && !last.contains("?") && !last.contains("[")) {
            return Files.exists(path) ? List.of(path) : List.of();
        }
        List<Path> matched = new ArrayList<>();
        if (Files.isDirectory(path.getParent())) {
            try (DirectoryStream<Path> dir = Files.newDirectoryStream(path.getParent(), last)) {
                dir.forEach(matched::add);
            }
        }
        matched.sort(null);
        return matched;
    }
}
