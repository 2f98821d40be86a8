package nl.verzuim.connector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

import nl.verzuim.connector.VerzuimConnectorApplication;

/**
 * Logs (src/docs/operating.md, "Logs"): besides the console the connector writes a rotating log file in
 * {@code connector.log-dir} (by default under the data folder), as text or, with
 * {@code logging.structured.format.file}, as one JSON object per line for a log collector. A start that cannot work
 * is enough to show it: its message goes to the file too.
 */
class LogbestandTest {

    @Test
    void hetLogbestandKrijgtDeMeldingVanDeStart(@TempDir Path map) throws Exception {
        start("--connector.log-dir=" + map);
        String log = Files.readString(map.resolve("verzuim-connector.log"), StandardCharsets.UTF_8);
        assertThat(log).contains("De connector start niet").contains("connector.duo.endpoint: ontbreekt");
    }

    @Test
    void gestructureerdAlsJsonVoorEenLogverzamelaar(@TempDir Path map) throws Exception {
        start("--connector.log-dir=" + map, "--logging.structured.format.file=ecs");
        List<String> regels = Files.readAllLines(map.resolve("verzuim-connector.log"), StandardCharsets.UTF_8);
        assertThat(regels).isNotEmpty();
        ObjectMapper json = new ObjectMapper();
        boolean gevonden = false;
        for (String regel : regels) {
            JsonNode r = json.readTree(regel); // each line is one JSON object
            gevonden |= r.path("message").asText().contains("De connector start niet");
        }
        assertThat(gevonden).isTrue();
    }

    private static void start(String... meer) {
        SpringApplication connector = new SpringApplication(VerzuimConnectorApplication.class);
        connector.setWebApplicationType(WebApplicationType.NONE);
        String[] alle = java.util.Arrays.copyOf(meer, meer.length + 2);
        alle[meer.length] = "--connector.sandbox=false";
        alle[meer.length + 1] = "--spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL";
        assertThatThrownBy(() -> connector.run(alle)).isInstanceOf(OngeldigeInstellingen.class);
    }
}
