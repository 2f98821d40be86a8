package nl.verzuim.connector.melding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import nl.verzuim.connector.support.CorrectieschoolTestBasis;

/**
 * Go-live ({@code meldingen_vanaf}) and who reports what ({@code kanalen}), school settings of las-input.md §3,
 * through the real inbox with WireMock as DUO. The pupil is the sandbox's, with four days ONG in October 2026 (a
 * 16-uur melding decided on 29 October); the clock stands on 20 November 2026.
 */
class GoLiveEnKanalenTest extends CorrectieschoolTestBasis {

    @Test
    void eenSchoolMetKanalenOtKrijgtNietsNaarDuo() throws Exception {
        dossier("11CC");
        lees("11CC00_verzuim.csv", VIER_DAGEN_AFWEZIG);

        assertThat(jdbc.sql("select count(*) from melding where brin = '11CC' and kanaal = 'DUO'")
                .query(Integer.class).single()).as("geen DUO-melding voor een school die zelf aan DUO meldt").isZero();
        assertThat(jdbc.sql("select count(*) from registratie where brin = '11CC'").query(Integer.class).single())
                .isEqualTo(4);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> duoVerzoeken("aanleverenVerzuimmelding").isEmpty());
    }

    @Test
    void eenBeslissingVoorDeStartIsHistorischZonderTermijnEnGaatAlleenDoorEenPersoonNaarDuo() throws Exception {
        dossier("11DD");
        lees("11DD00_verzuim.csv", VIER_DAGEN_AFWEZIG);

        long id = jdbc.sql("select id from melding where brin = '11DD' and kanaal = 'DUO'").query(Long.class).single();
        assertThat(melding(id, "status")).isEqualTo("HISTORISCH");
        assertThat(jdbc.sql("select count(*) from melding where id = ? and uiterste_melddatum is null").param(id)
                .query(Integer.class).single()).as("telt in geen termijn").isEqualTo(1);
        assertThat(get("/api/meldingen/" + id).body()).contains("\"status\":\"HISTORISCH\"")
                .contains("\"termijnVerstreken\":false");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> duoVerzoeken("aanleverenVerzuimmelding").isEmpty());

        assertThat(stuur("/api/meldingen/" + id + "/goedkeuren", null).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> "VERZONDEN".equals(melding(id, "status")));
        assertThat(duoVerzoeken("aanleverenVerzuimmelding")).hasSize(1);
        assertThat(jdbc.sql("select door from audit where melding_id = ? and actie = 'GOEDGEKEURD'").param(id)
                .query(String.class).single()).isEqualTo(BEHEERDER);
    }
}
