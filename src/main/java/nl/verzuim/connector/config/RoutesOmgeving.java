package nl.verzuim.connector.config;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.system.ApplicationHome;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Which route files Camel loads, before anything starts: every route file packaged in the jar, unless a file of the
 * same name lies in the routes folder beside the jar ({@code connector.routes-dir}); then that one instead. A school
 * can change a route without rebuilding. Settings themselves have their defaults in {@code application.yml} (and the
 * sandbox's in {@code application-sandbox.yml}), not here.
 */
public class RoutesOmgeving implements EnvironmentPostProcessor {

    static final String ROUTES_INCLUDE = "camel.main.routes-include-pattern";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment omgeving, SpringApplication applicatie) {
        if (!omgeving.containsProperty(ROUTES_INCLUDE)) {
            omgeving.getPropertySources().addLast(new MapPropertySource("connector-routes",
                    Map.of(ROUTES_INCLUDE, routes(omgeving))));
        }
    }

    /** classpath:routes/x.yaml for each packaged route, or file:&lt;routes-dir&gt;/x.yaml where a school overrides it. */
    static String routes(ConfigurableEnvironment omgeving) {
        Path eigen = eigenRoutesMap(omgeving);
        List<String> patronen = new ArrayList<>();
        try {
            for (Resource route : new PathMatchingResourcePatternResolver().getResources("classpath*:routes/*.yaml")) {
                String naam = route.getFilename();
                if (eigen != null && Files.isRegularFile(eigen.resolve(naam))) {
                    patronen.add("file:" + eigen.resolve(naam).toAbsolutePath());
                } else {
                    patronen.add("classpath:routes/" + naam);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("De routes in de jar kunnen niet gelezen worden", e);
        }
        return String.join(",", patronen);
    }

    private static Path eigenRoutesMap(ConfigurableEnvironment omgeving) {
        String ingesteld = omgeving.getProperty("connector.routes-dir");
        if (ingesteld != null) {
            return Path.of(ingesteld);
        }
        File bron = new ApplicationHome(RoutesOmgeving.class).getSource();
        if (bron != null && bron.isFile() && bron.getName().endsWith(".jar")) {
            return bron.toPath().toAbsolutePath().getParent().resolve("routes");
        }
        return null;
    }
}
