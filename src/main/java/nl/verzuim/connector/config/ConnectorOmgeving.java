package nl.verzuim.connector.config;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Settings that follow from other settings, before anything starts.
 * <ul>
 * <li>In the sandbox (the default) the endpoints, secrets and SMTP server point at the embedded mocks, unless set.
 * Outside the sandbox nothing is defaulted: a missing setting stops the start with its name.</li>
 * <li>Routes: every route file packaged in the jar is loaded, unless a file of the same name lies in the routes
 * folder beside the jar ({@code connector.routes-dir}); then that one is loaded instead. A school can change a
 * route without rebuilding.</li>
 * </ul>
 */
public class ConnectorOmgeving implements EnvironmentPostProcessor {

    static final String ROUTES_INCLUDE = "camel.main.routes-include-pattern";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment omgeving, SpringApplication applicatie) {
        Map<String, Object> standaard = new HashMap<>();
        if (omgeving.getProperty("connector.sandbox", Boolean.class, true)) {
            String mock = "http://localhost:" + omgeving.getProperty("connector.sandbox-mocks.wiremock-port", "8089");
            standaard.put("connector.schools", "./verzuim-data/scholen.yaml");
            standaard.put("connector.duo.endpoint", mock + "/duo/verzuimmelding/v1");
            standaard.put("connector.duo.ontvanger-oin", "00000001800866472000");
            standaard.put("connector.ot.base-url", mock + "/ot");
            standaard.put("connector.ot.client-id", "sandbox-school");
            standaard.put("connector.ot.client-secret", "sandbox-geheim");
            standaard.put("connector.ot.webhook-secret", "sandbox-webhook-geheim");
            standaard.put("connector.ot.poll-interval", "15s");
            standaard.put("spring.mail.host", "localhost");
            standaard.put("spring.mail.port", "3025");
            standaard.put("connector.mail.from", "verzuimconnector@sandbox.example");
        }
        if (!omgeving.containsProperty(ROUTES_INCLUDE)) {
            standaard.put(ROUTES_INCLUDE, routes(omgeving));
        }
        omgeving.getPropertySources().addLast(new MapPropertySource("connector-standaard", standaard));
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
        File bron = new ApplicationHome(ConnectorOmgeving.class).getSource();
        if (bron != null && bron.isFile() && bron.getName().endsWith(".jar")) {
            return bron.toPath().toAbsolutePath().getParent().resolve("routes");
        }
        return null;
    }
}
