package nl.verzuim.connector.ot;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import nl.verzuim.connector.support.AfleveringTestBasis;

/**
 * OT refuses: 409 (a traject already runs for this pupil — stub for lasId OT409) is a clear state on the melding
 * (MISLUKT, CONFLICT in laatste_fout) and a dead letter with code OT-409, not retried; 503 (lasId OT503) is retried.
 */
class OtAfleveringTest extends AfleveringTestBasis {

    /** Absent every school day from 26 October to 20 November: OT categorie A (as in EindNaarEindTest). */
    void leerlingMetVierWekenVerzuim(String leerlingId) throws Exception {
        String dossier = new String(osoDossier(), java.nio.charset.StandardCharsets.UTF_8).replace("LN094837", leerlingId);
        zetInInbox("dossier-" + leerlingId + ".xml", dossier);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from leerling where leerling_id = ?")
                .param(leerlingId).query(Integer.class).single() == 1);
        StringBuilder csv = new StringBuilder("leerling_id;datum;begintijd;eindtijd;minuten;code;omschrijving\n");
        for (var dag = java.time.LocalDate.of(2026, 10, 26); !dag.isAfter(java.time.LocalDate.of(2026, 11, 20));
             dag = dag.plusDays(1)) {
            if (dag.getDayOfWeek().getValue() <= 5) {
                csv.append(leerlingId).append(';').append(dag).append(";08:30;;;ONG;\n");
            }
        }
        zetInInbox("00YY00_verzuim-" + leerlingId + ".csv", csv.toString());
    }

    long otMelding() {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from melding where kanaal = 'OT'").query(Integer.class).single() == 1);
        return jdbc.sql("select id from melding where kanaal = 'OT'").query(Long.class).single();
    }

    @Test
    void ot409WordtEenDuidelijkeToestandOpDeMeldingEnWordtNietHerhaald() throws Exception {
        leerlingMetVierWekenVerzuim("OT409");
        long id = otMelding();
        await().atMost(Duration.ofSeconds(20)).until(() -> "MISLUKT".equals(melding(id, "status")));
        assertThat(jdbc.sql("select ot_status from melding where id = ?").param(id).query(String.class).list().get(0)).as("only OT's Trajectstatus: no traject was made").isNull();
        assertThat(melding(id, "laatste_fout")).contains("CONFLICT").contains("409").contains("TRAJECT_BESTAAT");
        Thread.sleep(2_000);
        assertThat(MOCK.findAll(postRequestedFor(urlPathEqualTo("/ot/api/v1/trajecten")))).hasSize(1);
        String doodlopers = get("/api/doodlopers").body();
        assertThat(doodlopers).contains("\"meldingId\":" + id).contains("\"code\":\"OT-409\"")
                .contains("\"operatie\":\"OT_TRAJECT_AANMAKEN\"").contains("TRAJECT_BESTAAT");
    }

    @Test
    void ot503WordtOpnieuwGeprobeerdMetDezelfdeIdempotencyKey() throws Exception {
        leerlingMetVierWekenVerzuim("OT503");
        long id = otMelding();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                MOCK.findAll(postRequestedFor(urlPathEqualTo("/ot/api/v1/trajecten"))).size() >= 3);
        var pogingen = MOCK.findAll(postRequestedFor(urlPathEqualTo("/ot/api/v1/trajecten")));
        assertThat(pogingen.stream().map(p -> p.getHeader("Idempotency-Key")).distinct()).hasSize(1);
        assertThat(melding(id, "status")).isEqualTo("TE_VERZENDEN");
        assertThat(melding(id, "laatste_fout")).contains("503");
    }
}
