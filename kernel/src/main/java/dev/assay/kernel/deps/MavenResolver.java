package dev.assay.kernel.deps;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.eclipse.aether.util.repository.SimpleArtifactDescriptorPolicy;

/**
 * Maven coordinates to jar files, with their runtime dependencies, by Maven's own resolver:
 * from the local repository ({@code ~/.m2/repository}) first, then Maven Central.
 */
public final class MavenResolver {

    static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    private final Path localRepository;
    private RepositorySystem system;

    public MavenResolver(Path localRepository) {
        this.localRepository = localRepository;
    }

    public static MavenResolver userDefault() {
        return new MavenResolver(Path.of(System.getProperty("user.home"), ".m2", "repository"));
    }

    /** {@code group:artifact:version} (or with extension and classifier) to the jars it needs. */
    public List<Path> resolve(String coordinates) throws DependencyResolutionException {
        DefaultArtifact artifact;
        try {
            artifact = new DefaultArtifact(coordinates);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + coordinates + "' is not a Maven coordinate: "
                    + "write group:artifact:version, for example org.apache.commons:commons-lang3:3.14.0");
        }
        RepositorySystem repositories = system();
        DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
        // Fail loudly on a missing or broken POM: the default ignores it and silently drops
        // the artifact's dependencies.
        session.setArtifactDescriptorPolicy(new SimpleArtifactDescriptorPolicy(false, false));
        // POM profiles activated by JDK version (most parents have them) need java.version.
        session.setSystemProperties(System.getProperties());
        session.setLocalRepositoryManager(repositories.newLocalRepositoryManager(session,
                new LocalRepository(localRepository.toFile())));
        CollectRequest collect = new CollectRequest(new Dependency(artifact, JavaScopes.RUNTIME),
                List.of(new RemoteRepository.Builder("central", "default", CENTRAL).build()));
        DependencyRequest request = new DependencyRequest(collect,
                DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
        List<Path> jars = new ArrayList<>();
        for (ArtifactResult result : repositories.resolveDependencies(session, request).getArtifactResults()) {
            jars.add(result.getArtifact().getFile().toPath());
        }
        return jars;
    }

    private synchronized RepositorySystem system() {
        if (system == null) {
            system = new RepositorySystemSupplier().get();
        }
        return system;
    }
}
