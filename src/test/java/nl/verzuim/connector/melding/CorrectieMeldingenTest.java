package nl.verzuim.connector.melding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.verzuim.connector.support.AfleveringTestBasis;

/**
 * What a correction does to meldingen already made (issue 12), through the real inbox with WireMock as DUO: the
 * pupil's four days ONG (a 16-uur melding of 20 hours) are recoded ZK by the school in the next export. Not yet sent:
 * the melding lapses and DUO never receives it; already at DUO: flagged "niet meer onderbouwd" with the figures, for a
 * person to withdraw (connector.intrekken-na-correctie: na_goedkeuring, the default). With {@code automatisch}:
 * {@code IntrekkenNaCorrectieTest}.
 */
class CorrectieMeldingenTest extends AfleveringTestBasis {

    static final String HERCODEERD = VIER_DAGEN_AFWEZIG.replace(";ONG;", ";ZK;");

    @Autowired
    CamelContext camel;

    @Test
    void eenNogNietVerzondenMeldingVervaltEnDuoKrijgtHaarNooit() throws Exception {
        camel.getRouteController().stopRoute("duo-aflevering");
        try {
            leerlingMetVierDagenVerzuim("LN094837");
            long id = duoMelding();
            await().atMost(Duration.ofSeconds(20)).until(() -> "TE_VERZENDEN".equals(melding(id, "status")));

            zetInInbox("00YY00_correctie.csv", HERCODEERD);

            await().atMost(Duration.ofSeconds(20)).until(() -> "VERVALLEN".equals(melding(id, "status")));
            assertThat(jdbc.sql("select status from outbox where melding_id = ?").param(id).query(String.class).list())
                    .containsExactly("GEANNULEERD");
            assertThat(jdbc.sql("select details from audit where melding_id = ? and actie = 'VERVALLEN'").param(id)
                    .query(String.class).single()).contains("00YY00_correctie.csv").contains("gemeld met 20,00 uur")
                    .contains("nu 0,00 uur").contains("niet verzonden");
        } finally {
            camel.getRouteController().startRoute("duo-aflevering");
        }
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> duoVerzoeken("aanleverenVerzuimmelding").isEmpty());
    }

    @Test
    void eenMeldingDieEenAfleveraarNetVastheeftVervaltNietMaarWordtGemarkeerd() throws Exception {
        camel.getRouteController().stopRoute("duo-aflevering");
        try {
            leerlingMetVierDagenVerzuim("LN094837");
            long id = duoMelding();
            await().atMost(Duration.ofSeconds(20)).until(() -> "TE_VERZENDEN".equals(melding(id, "status")));
            // another instance claimed it a moment ago: it may be on the wire to DUO
            jdbc.sql("update outbox set geclaimd_tot = ?, geclaimd_door = 'andere-instantie' where melding_id = ?")
                    .params(java.time.OffsetDateTime.parse("2099-01-01T00:00:00Z"), id).update();

            zetInInbox("00YY00_correctie.csv", HERCODEERD);

            await().atMost(Duration.ofSeconds(20)).until(() -> nietOnderbouwd(id) != null);
            assertThat(melding(id, "status")).isEqualTo("TE_VERZENDEN");
            assertThat(nietOnderbouwd(id)).contains("onderweg");
            assertThat(jdbc.sql("select status from outbox where melding_id = ?").param(id).query(String.class).list())
                    .containsExactly("TE_VERZENDEN");
            jdbc.sql("delete from outbox where melding_id = ?").param(id).update();
        } finally {
            camel.getRouteController().startRoute("duo-aflevering");
        }
    }

    @Test
    void eenMeldingBijDuoWordtGemarkeerdMetDeCijfersEnEenPersoonTrektHaarIn() throws Exception {
        leerlingMetVierDagenVerzuim("LN094837");
        long id = duoMelding();
        await().atMost(Duration.ofSeconds(20)).until(() -> "VERZONDEN".equals(melding(id, "status")));

        zetInInbox("00YY00_correctie.csv", HERCODEERD);

        await().atMost(Duration.ofSeconds(20)).until(() -> nietOnderbouwd(id) != null);
        assertThat(nietOnderbouwd(id)).contains("00YY00_correctie.csv").contains("RELATIEF_16_UUR")
                .contains("gemeld met 20,00 uur").contains("nu 0,00 uur");
        assertThat(melding(id, "status")).as("blijft bij DUO tot een persoon handelt").isEqualTo("VERZONDEN");
        assertThat(get("/api/meldingen/" + id).body()).contains("\"nietOnderbouwd\":\"na 00YY00_correctie.csv");
        assertThat(get("/meldingen/" + id).body()).contains("Niet meer onderbouwd");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> duoVerzoeken("intrekkenVerzuimmelding").isEmpty());

        assertThat(stuur("/api/meldingen/" + id + "/intrekken",
                "{\"reden\": \"niet meer onderbouwd na een correctie in de LAS\"}").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> "INGETROKKEN".equals(melding(id, "status")));
        assertThat(duoVerzoeken("intrekkenVerzuimmelding")).hasSize(1);
    }

    private String nietOnderbouwd(long id) {
        return jdbc.sql("select niet_onderbouwd from melding where id = ?").param(id)
                .query((rs, n) -> rs.getString(1)).list().get(0);
    }
}
