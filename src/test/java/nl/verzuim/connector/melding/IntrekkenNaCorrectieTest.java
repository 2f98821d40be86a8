package nl.verzuim.connector.melding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.verzuim.connector.support.AfleveringTestBasis;

/**
 * {@code connector.intrekken-na-correctie: automatisch}: a melding at DUO whose basis the school's next export took
 * away is withdrawn by the connector itself, with the reason. Its own context and inbox (the setting is the
 * connector's), closed after this class.
 */
@DirtiesContext
class IntrekkenNaCorrectieTest extends AfleveringTestBasis {

    static Path map;

    @DynamicPropertySource
    static void automatisch(DynamicPropertyRegistry r) {
        map = eigenMap(r, "scholen-test.yaml");
        r.add("connector.intrekken-na-correctie", () -> "automatisch");
    }

    @Test
    void eenMeldingBijDuoDieNietMeerOnderbouwdIsWordtIngetrokken() throws Exception {
        zetInInbox(map, "dossier.xml", new String(osoDossier(), StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from leerling")
                .query(Integer.class).single() == 1);
        zetInInbox(map, "00YY00_verzuim.csv", VIER_DAGEN_AFWEZIG);
        long id = duoMelding();
        await().atMost(Duration.ofSeconds(20)).until(() -> "VERZONDEN".equals(melding(id, "status")));
        String meldingsnummer = melding(id, "meldingsnummer");

        zetInInbox(map, "00YY00_correctie.csv", CorrectieMeldingenTest.HERCODEERD);

        await().atMost(Duration.ofSeconds(20)).until(() -> "INGETROKKEN".equals(melding(id, "status")));
        List<LoggedRequest> intrekken = duoVerzoeken("intrekkenVerzuimmelding");
        assertThat(intrekken).hasSize(1);
        assertThat(waarde(intrekken.get(0), "meldingsnummer")).isEqualTo(meldingsnummer);
        assertThat(waarde(intrekken.get(0), "reden")).startsWith("niet meer onderbouwd: na 00YY00_correctie.csv");
        assertThat(jdbc.sql("select door from audit where melding_id = ? and actie = 'INTREKKEN_GEVRAAGD'").param(id)
                .query(String.class).single()).isEqualTo("connector");
    }
}
