package nl.verzuim.connector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import nl.verzuim.connector.VerzuimConnectorApplication;

/**
 * A start that cannot work (README "What a school must fill in"): the output is one Dutch message naming each missing
 * or unreadable setting with what to do, and holds no stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartmeldingTest {

    private static final List<String> VERPLICHT = List.of("connector.schools", "connector.duo.endpoint",
            "connector.duo.ontvanger-oin", "connector.ot.base-url", "connector.ot.client-id",
            "connector.ot.client-secret", "connector.ot.webhook-secret", "spring.mail.host", "connector.mail.from");

    @Test
    void zonderInstellingenNoemtDeStartElkeOntbrekendeInstellingZonderStacktrace(CapturedOutput uitvoer) {
        assertThatThrownBy(() -> start("--connector.sandbox=false")).isInstanceOf(OngeldigeInstellingen.class);
        String tekst = uitvoer.getAll();
        assertThat(tekst).contains("De connector start niet: deze instellingen ontbreken of kloppen niet.");
        for (String instelling : VERPLICHT) {
            assertThat(tekst).as(instelling).contains("  - " + instelling + ": ontbreekt: geef ");
        }
        assertThat(tekst).contains("src/docs/operating.md");
        geenStacktrace(tekst);
    }

    @Test
    void eenOnleesbareDuurEnEenOntbrekendeInstellingWordenSamenGenoemd(CapturedOutput uitvoer) {
        assertThatThrownBy(() -> start("--connector.sandbox=false", "--connector.outbox.lease=vijf minuten",
                "--connector.intake.max-bestandsgrootte=veel", "--connector.schools=/srv/scholen.yaml",
                "--connector.duo.endpoint=https://duo.example/v1", "--connector.duo.ontvanger-oin=00000001",
                "--connector.ot.base-url=https://ot.example", "--connector.ot.client-id=id",
                "--connector.ot.client-secret=geheim", "--connector.ot.webhook-secret=geheim",
                "--spring.mail.host=smtp.example")).isInstanceOf(OngeldigeInstellingen.class);
        String tekst = uitvoer.getAll();
        assertThat(tekst).contains("  - connector.mail.from: ontbreekt");
        assertThat(tekst).contains("  - connector.outbox.lease: onleesbare waarde (gezet in \"connector.outbox.lease\" from property source \"commandLineArgs\"): verwacht een duur");
        assertThat(tekst).contains("  - connector.intake.max-bestandsgrootte: onleesbare waarde");
        assertThat(tekst).doesNotContain("connector.schools:").doesNotContain("vijf minuten");
        geenStacktrace(tekst);
    }

    private static void geenStacktrace(String tekst) {
        assertThat(tekst).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("Caused by");
    }

    private static void start(String... argumenten) {
        SpringApplication connector = new SpringApplication(VerzuimConnectorApplication.class);
        connector.setWebApplicationType(WebApplicationType.NONE);
        String[] alle = java.util.Arrays.copyOf(argumenten, argumenten.length + 1);
        alle[argumenten.length] = "--spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        connector.run(alle);
    }
}
