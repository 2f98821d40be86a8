package nl.verzuim.connector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

import nl.verzuim.connector.VerzuimConnectorApplication;

/**
 * One switch for the sandbox (README "Run it"; src/docs/operating.md, "Settings"): with nothing set the profile
 * {@code sandbox} is on and points every endpoint at the embedded mocks; {@code connector.sandbox=false}, wherever it
 * is set, turns it off — never silently the sandbox's mock endpoints (the start then names every setting still
 * missing: {@link StartmeldingTest}).
 */
class SandboxProfielTest {

    @Test
    void zonderInstellingenDraaitDeSandboxMetDeEindpuntenVanDeMocks() {
        ConfigurableEnvironment omgeving = omgeving();
        assertThat(omgeving.getActiveProfiles()).contains("sandbox");
        assertThat(omgeving.getProperty("connector.duo.endpoint")).isEqualTo("http://localhost:8089/duo/verzuimmelding/v1");
        assertThat(omgeving.getProperty("connector.ot.base-url")).isEqualTo("http://localhost:8089/ot");
        assertThat(omgeving.getProperty("connector.schools")).isEqualTo("./verzuim-data/scholen.yaml");
        assertThat(omgeving.getProperty("spring.mail.port")).isEqualTo("3025");
        assertThat(omgeving.getProperty("server.address")).as("de sandbox luistert alleen op deze machine")
                .isEqualTo("127.0.0.1");
        assertThat(omgeving.getProperty("connector.ot.poll-interval")).as("application.yml's, as before").isEqualTo("60s");
    }

    @Test
    void eenAnderePoortVoorDeMocksVerlegtHunEindpunten() {
        ConfigurableEnvironment omgeving = omgeving("--connector.sandbox-mocks.wiremock-port=18089");
        assertThat(omgeving.getProperty("connector.duo.endpoint")).isEqualTo("http://localhost:18089/duo/verzuimmelding/v1");
    }

    @Test
    void sandboxUitOpDeOpdrachtregelGeeftGeenEnkelEindpuntVanDeMocks() {
        ConfigurableEnvironment omgeving = omgeving("--connector.sandbox=false");
        assertThat(omgeving.getActiveProfiles()).doesNotContain("sandbox");
        assertThat(omgeving.getProperty("connector.duo.endpoint")).isNull();
        assertThat(omgeving.getProperty("connector.schools")).isNull();
        assertThat(omgeving.getProperty("spring.mail.host")).isNull();
        assertThat(omgeving.getProperty("server.address")).as("buiten de sandbox kiest de school").isNull();
    }

    @Test
    void sandboxUitInEenEigenApplicationYmlGeeftGeenEnkelEindpuntVanDeMocks(@TempDir Path map) throws IOException {
        Files.writeString(map.resolve("application.yml"), "connector:\n  sandbox: false\n");
        ConfigurableEnvironment omgeving = omgeving("--spring.config.additional-location=file:" + map + "/");
        assertThat(omgeving.getActiveProfiles()).doesNotContain("sandbox");
        assertThat(omgeving.getProperty("connector.ot.base-url")).isNull();
    }

    /** The environment the connector would start with, these arguments given; nothing is started. */
    private static ConfigurableEnvironment omgeving(String... argumenten) {
        SpringApplication connector = new SpringApplication(VerzuimConnectorApplication.class);
        connector.setWebApplicationType(WebApplicationType.NONE);
        AtomicReference<ConfigurableEnvironment> gevangen = new AtomicReference<>();
        connector.addListeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) e -> {
            gevangen.set(e.getEnvironment());
            throw new Gereed();
        });
        String[] stil = java.util.Arrays.copyOf(argumenten, argumenten.length + 1);
        stil[argumenten.length] = "--logging.level.org.springframework.boot.SpringApplication=off"; // no "run failed"
        assertThatThrownBy(() -> connector.run(stil)).isInstanceOf(Gereed.class);
        return gevangen.get();
    }

    private static final class Gereed extends RuntimeException {
    }
}
