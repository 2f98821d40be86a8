package nl.verzuim.connector.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.verzuim.connector.leerling.RegistratieRepository;
import nl.verzuim.connector.rules.Afwezigheidscode;
import nl.verzuim.connector.rules.Registratie;
import nl.verzuim.connector.support.ConnectorTestBasis;
import nl.verzuim.connector.support.Sessie;
import nl.verzuim.connector.support.Testmeldingen;

/**
 * The pictures on the real pages: the melding's calendar, the overview's charts and the pupil's page carry their SVG
 * and text equivalent; the pupil's page is reached by the melding's number (no LAS key in the URL), logged, and does
 * not exist for an account of another school.
 */
class PlaatjesPaginaTest extends ConnectorTestBasis {

    @LocalServerPort
    int poort;

    @Autowired
    RegistratieRepository registraties;

    long duo;
    long ot;

    /** A 16-uur melding of 2–10 November with seven whole days ONG; an OT melding open since August (> 13 weeks). */
    @BeforeEach
    void meldingen() {
        Testmeldingen t = new Testmeldingen(jdbc);
        duo = t.melding("00YY", "LN094837", "DUO", "RELATIEF_16_UUR", "VERZONDEN", LocalDate.of(2026, 11, 17));
        ot = t.melding("00YY", "LN094837", "OT", "A_LANGDURIG_RELATIEF_VERZUIM", "VERZONDEN", null, null, "LOPEND",
                OffsetDateTime.parse("2026-11-18T10:00:00+01:00"));
        jdbc.sql("update melding set begindatum = ? where id = ?").params(LocalDate.of(2026, 8, 3), ot).update();
        for (LocalDate dag = LocalDate.of(2026, 11, 2); !dag.isAfter(LocalDate.of(2026, 11, 10)); dag = dag.plusDays(1)) {
            if (dag.getDayOfWeek().getValue() <= 5) {
                registraties.bewaar("00YY", "00", "LN094837", Registratie.heleDag(dag, Afwezigheidscode.ONG),
                        "00YY00_verzuim.csv", dag.getDayOfMonth());
            }
        }
    }

    @Test
    void deMeldingToontHaarVensterAlsKalenderMetDeGrensVan16Uur() throws Exception {
        String pagina = Sessie.ingelogd(poort, LEZER, LEZER_WACHTWOORD).get("/meldingen/" + duo).body();
        assertThat(pagina).contains("<svg").contains("id=\"kalender-" + duo + "\"").contains("role=\"img\"")
                .contains("aria-labelledby=\"kalender-" + duo + "-titel kalender-" + duo + "-desc\"")
                .contains("class=\"drempel\"").contains("grens 16 uur")
                .contains("dag geteld code-ONG").contains("ONG 330&#39;")
                // the text equivalent: the sentence and the hidden table
                .contains("7 dagen geteld, samen 2190 minuten").contains("bereikt op 05-11-2026") // 330 + 330 + 210 (Wednesday) + 330
                .contains("class=\"visueel-verborgen tekstequivalent\"")
                // the window starts three lesweken before the last day's: the herfstvakantie (greyed) is skipped
                .contains("Kalender van 12-10-2026 tot en met 13-11-2026").contains("19-10-2026: vakantie")
                // the pupil's page by the melding's number, never the LAS key in the URL
                .contains("href=\"/meldingen/" + duo + "/leerling\"").doesNotContain("leerling=LN094837");
    }

    @Test
    void hetOverzichtToontDeWekenEnDeAmbitie() throws Exception {
        String pagina = Sessie.ingelogd(poort, LEZER, LEZER_WACHTWOORD).get("/").body();
        assertThat(pagina).contains("id=\"weken\"").contains("id=\"ambitie\"")
                .contains("Nieuwe meldingen van 31-08-2026 tot en met 20-11-2026: 1 DUO, 1 OT, 0 signalen.")
                .contains("1 open OT-meldingen, waarvan 1 langer dan 13 weken open")
                .contains("class=\"te-lang\"").contains("⚠ 1 langer dan 13 weken")
                .contains("<td>Testschool De Verrekijker (00YY00)</td>");
        // another school's account sees none of it
        String ander = Sessie.ingelogd(poort, SCHOOLBEHEERDER, SCHOOLBEHEERDER_WACHTWOORD).get("/").body();
        assertThat(ander).contains("id=\"weken\"").contains(": 0 DUO, 0 OT, 0 signalen.")
                .contains("0 open OT-meldingen").doesNotContain("class=\"te-lang\"");
    }

    @Test
    void deLeerlingpaginaToontHetSchooljaarWordtGelogdEnBestaatNietVoorEenAndereSchool() throws Exception {
        HttpResponse<String> antwoord = Sessie.ingelogd(poort, LEZER, LEZER_WACHTWOORD)
                .get("/meldingen/" + duo + "/leerling");
        assertThat(antwoord.statusCode()).isEqualTo(200);
        assertThat(antwoord.body()).contains("id=\"jaarkaart\"").contains("Verzuim in schooljaar 2026-2027")
                .contains("7 dagen met verzuim").contains("#" + duo + " DUO 16 uur in 4 lesweken vanaf 02-11-2026")
                .contains("#" + ot + " OT Zorgwekkend verzuim, categorie A vanaf 03-08-2026")
                .contains("<td>november 2026</td>").contains("dag stap-3");
        assertThat(jdbc.sql("select gebruiker from toegangslog where wat = 'LEERLINGKAART' and melding_id = ?")
                .param(duo).query(String.class).list()).containsExactly(LEZER);
        assertThat(jdbc.sql("select leerling from toegangslog where wat = 'LEERLINGKAART'").query(String.class)
                .single()).as("pseudonymised").doesNotContain("LN094837");

        HttpResponse<String> ander = Sessie.ingelogd(poort, SCHOOLBEHEERDER, SCHOOLBEHEERDER_WACHTWOORD)
                .get("/meldingen/" + duo + "/leerling");
        assertThat(ander.statusCode()).isEqualTo(404);
        assertThat(ander.body()).doesNotContain("LN094837");
        assertThat(jdbc.sql("select count(*) from toegangslog where gebruiker = ?").param(SCHOOLBEHEERDER)
                .query(Integer.class).single()).as("nothing seen, nothing logged").isZero();
    }
}
