package nl.verzuim.connector.melding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.verzuim.connector.school.Scholen;
import nl.verzuim.connector.school.School;
import nl.verzuim.connector.support.AfleveringTestBasis;

/**
 * Domain §4, "Categorie A and DUO": <em>a categorie A pupil who is not continuously absent gets 16-uur meldingen as
 * the hours add up, and the operator can file an LRV melding by hand for such a pupil (like {@code OVERIG}, through
 * approval and the outbox).</em> The pupil here is absent Monday, Tuesday and Thursday of four lesweken (26 October to
 * 19 November 2026): 65 % ongeoorloofd, so categorie A, but never 28 days in a row, so no LRV from the rules.
 */
class LrvMetDeHandTest extends AfleveringTestBasis {

    @Autowired
    MeldingService meldingService;
    @Autowired
    Scholen scholen;

    /** The sandbox's OSO dossier under {@code leerlingId}, and its registrations; waits for its OT melding. */
    void categorieA(String leerlingId) throws Exception {
        dossier(leerlingId);
        StringBuilder csv = new StringBuilder("leerling_id;datum;begintijd;eindtijd;minuten;code;omschrijving\n");
        for (LocalDate dag = LocalDate.of(2026, 10, 26); dag.isBefore(LocalDate.of(2026, 11, 20)); dag = dag.plusDays(1)) {
            int weekdag = dag.getDayOfWeek().getValue();
            if (weekdag == 1 || weekdag == 2 || weekdag == 4) {
                csv.append(leerlingId).append(';').append(dag).append(";08:30;;;ONG;\n");
            }
        }
        zetInInbox("00YY00_verzuim-" + leerlingId + ".csv", csv.toString());
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from melding where leerling_id = ?"
                + " and soort = 'A_LANGDURIG_RELATIEF_VERZUIM'").param(leerlingId).query(Integer.class).single() == 1);
        assertThat(jdbc.sql("select count(*) from melding where leerling_id = ? and soort = 'LANGDURIG_RELATIEF'")
                .param(leerlingId).query(Integer.class).single()).as("the rules make no LRV: not continuous").isZero();
    }

    void dossier(String leerlingId) throws Exception {
        String dossier = new String(osoDossier(), StandardCharsets.UTF_8).replace("LN094837", leerlingId);
        zetInInbox("dossier-" + leerlingId + ".xml", dossier);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from leerling where leerling_id = ?")
                .param(leerlingId).query(Integer.class).single() == 1);
    }

    static String verzoek(String leerlingId) {
        return """
                {"brin":"00YY","vestiging":"00","leerlingId":"%s","begindatum":"2026-10-26","einddatum":"2026-11-19",
                 "toelichting":"categorie A, SPPOH vraagt LRV"}""".formatted(leerlingId);
    }

    List<LoggedRequest> lrvBijDuo() throws Exception {
        return duoVerzoeken("aanleverenVerzuimmelding").stream()
                .filter(r -> r.getBodyAsString().contains(">LANGDURIG_RELATIEF<")).toList();
    }

    @Test
    void eenLeerlingInCategorieAKrijgtLrvMetDeHandEnDuoOntvangtHet() throws Exception {
        categorieA("LN094837");
        HttpResponse<String> antwoord = stuur("/api/meldingen/lrv", verzoek("LN094837"));
        assertThat(antwoord.statusCode()).as(antwoord.body()).isEqualTo(201);
        assertThat(antwoord.body()).doesNotContain("111222333");
        long id = jdbc.sql("select id from melding where soort = 'LANGDURIG_RELATIEF'").query(Long.class).single();
        assertThat(antwoord.headers().firstValue("Location")).hasValue("/api/meldingen/" + id);

        await().atMost(Duration.ofSeconds(20)).until(() -> lrvBijDuo().size() == 1);
        LoggedRequest duo = lrvBijDuo().get(0);
        assertThat(waarde(duo, "verzuimsoort")).isEqualTo("LANGDURIG_RELATIEF");
        assertThat(waarde(duo, "begindatum")).isEqualTo("2026-10-26");
        assertThat(waarde(duo, "einddatum")).isEqualTo("2026-11-19");
        assertThat(duo.getBodyAsString()).as("the toelichting stays with the connector").doesNotContain("SPPOH vraagt");
        await().atMost(Duration.ofSeconds(10)).until(() -> "VERZONDEN".equals(melding(id, "status")));
        assertThat(melding(id, "uiterste_melddatum")).as("5 werkdagen after filing on 20-11-2026").isEqualTo("2026-11-27");
        assertThat(jdbc.sql("select door from audit where melding_id = ? and actie = 'HANDMATIG_GEMELD'").param(id)
                .query(String.class).single()).isEqualTo(BEHEERDER);

        assertThat(stuur("/api/meldingen/lrv", verzoek("LN094837")).statusCode()).as("dezelfde begindatum nog eens")
                .isEqualTo(409);
        assertThat(stuur("/api/meldingen/lrv", verzoek("LN094837").replace(",\"einddatum\":\"2026-11-19\"", "")
                .replace("\"einddatum\":\"2026-11-19\",", "")).statusCode()).as("DUO needs an einddatum").isEqualTo(400);
        HttpResponse<String> alsLezer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + poort + "/api/meldingen/lrv"))
                .header("Content-Type", "application/json").header("Authorization", basic(LEZER, LEZER_WACHTWOORD))
                .POST(HttpRequest.BodyPublishers.ofString(verzoek("LN094837").replace("2026-10-26", "2026-10-27")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(alsLezer.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from melding where soort = 'LANGDURIG_RELATIEF'").query(Integer.class)
                .single()).isEqualTo(1);
    }

    @Test
    void eenLeerlingZonderCategorieAKrijgtGeenLrvMetDeHand() throws Exception {
        dossier("LN-GEEN-A");
        zetInInbox("00YY00_verzuim-LN-GEEN-A.csv", VIER_DAGEN_AFWEZIG.replace("LN094837", "LN-GEEN-A"));
        duoMelding(); // the 16-uur melding: judged, and no OT melding (four days are not over half of four weeks)

        HttpResponse<String> antwoord = stuur("/api/meldingen/lrv", verzoek("LN-GEEN-A"));
        assertThat(antwoord.statusCode()).as(antwoord.body()).isEqualTo(422);
        assertThat(antwoord.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(antwoord.body()).contains("categorie A").doesNotContain("LN-GEEN-A");
        assertThat(stuur("/api/meldingen/lrv", verzoek("LN-ONBEKEND")).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from melding where soort = 'LANGDURIG_RELATIEF'").query(Integer.class)
                .single()).isZero();
    }

    @Test
    void eenLrvMetDeHandWachtOpGoedkeuringEnGaatDaarnaNaarDuo() throws Exception {
        categorieA("LN094837");
        School basis = scholen.vind("00YY", "00").orElseThrow();
        School naGoedkeuring = new School(basis.brin(), basis.vestiging(), basis.naam(), basis.onderwijssoort(),
                basis.contactpersoon(), basis.melder(), basis.lasProfiel(), basis.lesminuten(), basis.vakanties(),
                basis.vrijeDagen(), basis.meld18Plus16Uur(), School.Verzenden.NA_GOEDKEURING);
        long id = meldingService.meldLrv(naGoedkeuring, "LN094837", LocalDate.of(2026, 10, 26),
                LocalDate.of(2026, 11, 19), "categorie A, SPPOH vraagt LRV", BEHEERDER);
        assertThat(melding(id, "status")).isEqualTo("WACHT_OP_GOEDKEURING");
        Thread.sleep(1_000); // several delivery rounds (200 ms)
        assertThat(lrvBijDuo()).as("nothing sent before approval").isEmpty();

        assertThat(stuur("/api/meldingen/" + id + "/goedkeuren", null).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> "VERZONDEN".equals(melding(id, "status")));
        assertThat(lrvBijDuo()).singleElement().satisfies(r -> {
            assertThat(waarde(r, "begindatum")).isEqualTo("2026-10-26");
            assertThat(waarde(r, "einddatum")).isEqualTo("2026-11-19");
        });
        assertThat(jdbc.sql("select actie || ' ' || door from audit where melding_id = ? order by id").param(id)
                .query(String.class).list()).startsWith("HANDMATIG_GEMELD " + BEHEERDER)
                .anyMatch(a -> a.startsWith("GOEDGEKEURD") && a.endsWith(BEHEERDER));
    }
}
