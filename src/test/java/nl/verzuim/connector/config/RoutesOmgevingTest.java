package nl.verzuim.connector.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/**
 * The routes are packaged in the jar; a file of the same name in the routes folder beside the jar
 * ({@code connector.routes-dir}) is loaded instead, so a school changes a route without rebuilding
 * (src/docs/operating.md, "The routes folder").
 */
class RoutesOmgevingTest {

    @Test
    void zonderEigenMapLaadtElkeRouteUitDeJar() {
        List<String> routes = List.of(RoutesOmgeving.routes(new MockEnvironment()).split(","));
        assertThat(routes).contains("classpath:routes/intake.yaml", "classpath:routes/duo-aflevering.yaml")
                .allMatch(r -> r.startsWith("classpath:routes/"));
    }

    @Test
    void eenRouteMetDezelfdeNaamInDeEigenMapVervangtDieUitDeJar(@TempDir Path map) throws IOException {
        Files.writeString(map.resolve("intake.yaml"), "# de eigen intake van de school\n");
        Files.writeString(map.resolve("nieuw.yaml"), "# geen route uit de jar: wordt niet geladen\n");
        List<String> routes = List.of(RoutesOmgeving.routes(new MockEnvironment()
                .withProperty("connector.routes-dir", map.toString())).split(","));
        assertThat(routes).contains("file:" + map.resolve("intake.yaml").toAbsolutePath())
                .doesNotContain("classpath:routes/intake.yaml")
                .contains("classpath:routes/duo-aflevering.yaml")
                .noneMatch(r -> r.endsWith("nieuw.yaml"));
    }
}
