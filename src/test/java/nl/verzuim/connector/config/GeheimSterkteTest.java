package nl.verzuim.connector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

import nl.verzuim.connector.VerzuimConnectorApplication;

/**
 * Secrets outside the sandbox have a minimum strength, checked at start-up (security review: a one-character webhook
 * secret was accepted): src/docs/operating.md, "Security".
 */
class GeheimSterkteTest {

    private static final String STERK = "8f3a1c9e0b7d4f2a6c5e9d1b3a7f0c2e";

    @Test
    void eenWebhookGeheimVanEenTekenWeigertDeStartMetEenDuidelijkeMelding() {
        SpringApplication connector = new SpringApplication(VerzuimConnectorApplication.class);
        connector.setWebApplicationType(WebApplicationType.NONE);
        assertThatThrownBy(() -> connector.run("--connector.sandbox=false",
                "--spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "--connector.schools=src/test/resources/scholen-test.yaml",
                "--connector.duo.endpoint=http://127.0.0.1:9/duo", "--connector.duo.ontvanger-oin=00000001800866472000",
                "--connector.ot.base-url=http://127.0.0.1:9/ot", "--connector.ot.client-id=school",
                "--connector.ot.client-secret=geheim", "--connector.ot.webhook-secret=x",
                "--spring.mail.host=127.0.0.1", "--connector.mail.from=verzuim@school.example",
                "--logging.level.org.springframework.boot.SpringApplication=off"))
                .isInstanceOfSatisfying(OngeldigeInstellingen.class, e -> assertThat(e.problemen())
                        .anySatisfy(p -> {
                            assertThat(p.instelling()).isEqualTo("connector.ot.webhook-secret");
                            assertThat(p.wat()).startsWith("te zwak: is 1 tekens met 1 verschillende; nodig zijn"
                                    + " minstens 32");
                        }));
    }

    @Test
    void eenLangGeheimVanEenTekenOfEenGoedkopeHashIsTeZwak() {
        BeheerInstellingen beheer = new BeheerInstellingen(List.of(
                new BeheerInstellingen.Account("a", "$2a$04$" + "x".repeat(53), "lezer"),
                new BeheerInstellingen.Account("b", "$2y$12$" + "x".repeat(53), "beheerder")), 10, null, 2, null);
        List<String> zwak = InstellingenControle.zwakkeGeheimen("a".repeat(40), beheer, 10);
        assertThat(zwak).hasSize(2);
        assertThat(zwak.get(0)).startsWith("connector.ot.webhook-secret is 40 tekens met 1 verschillende");
        assertThat(zwak.get(1)).startsWith("connector.beheer.accounts[0].hash heeft bcrypt-kosten 04; minstens 10")
                .doesNotContain("xxxx");
    }

    @Test
    void eenSterkGeheimEnHashMetGenoegKostenZijnGoed() {
        BeheerInstellingen beheer = new BeheerInstellingen(List.of(
                new BeheerInstellingen.Account("b", "$2y$12$" + "x".repeat(53), "beheerder")), 10, null, 2, null);
        assertThat(InstellingenControle.zwakkeGeheimen(STERK, beheer, 10)).isEmpty();
    }
}
