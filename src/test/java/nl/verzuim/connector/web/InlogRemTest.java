package nl.verzuim.connector.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.verzuim.connector.support.ConnectorTestBasis;
import nl.verzuim.connector.support.Sessie;

/**
 * Login under attack (security review: no brute-force protection, failed logins not logged): each failure is logged
 * with account and address, never the password; after five failures the account is held back with 429 — even with
 * the right password — on the API and the login form alike; the metrics count it without naming anyone.
 */
@Tag("database")
@ExtendWith(OutputCaptureExtension.class)
class InlogRemTest extends ConnectorTestBasis {

    private static final String GERADEN = "raad-ik-het-nu-7";

    @LocalServerPort
    int poort;

    @Test
    void deZesdePogingNaVijfFouteWachtwoordenWordtAfgeremdEnElkeFoutGelogd(CapturedOutput uitvoer) throws Exception {
        for (int i = 1; i <= InlogPogingen.DREMPEL_ACCOUNT; i++) {
            assertThat(Sessie.api(poort, "GET", "/api/meldingen", null, LEZER, GERADEN + i).statusCode())
                    .as("poging " + i).isEqualTo(401);
        }
        HttpResponse<String> geremd = Sessie.api(poort, "GET", "/api/meldingen", null, LEZER, LEZER_WACHTWOORD);
        assertThat(geremd.statusCode()).as("ook het goede wachtwoord wacht").isEqualTo(429);
        assertThat(geremd.headers().firstValue("Retry-After")).hasValueSatisfying(
                s -> assertThat(Long.parseLong(s)).isBetween(1L, 30L));

        Sessie formulier = Sessie.anoniem(poort);
        HttpResponse<String> viaPagina = formulier.post("/login", Map.of("gebruikersnaam", LEZER,
                "wachtwoord", LEZER_WACHTWOORD));
        assertThat(viaPagina.statusCode()).as("ook via het inlogformulier").isEqualTo(429);

        assertThat(uitvoer.getOut().lines().filter(r -> r.contains("Inloggen mislukt voor account '" + LEZER
                + "' vanaf 127.0.0.1")).count()).isEqualTo(InlogPogingen.DREMPEL_ACCOUNT);
        assertThat(uitvoer.getOut()).doesNotContain(GERADEN).doesNotContain(LEZER_WACHTWOORD);

        // another account from the same address still gets in: one attacked account locks out no one else
        HttpResponse<String> metrieken = Sessie.api(poort, "GET", "/actuator/prometheus", null, BEHEERDER,
                BEHEERDER_WACHTWOORD);
        assertThat(metrieken.statusCode()).isEqualTo(200);
        assertThat(metrieken.body()).containsPattern("verzuim_inloggen_mislukt_total(\\{[^}]*})? [1-9]")
                .containsPattern("verzuim_inloggen_geweigerd_total(\\{[^}]*})? [1-9]")
                .doesNotContain(LEZER + "\"");
    }
    @Autowired
    java.time.Clock klok;

    @Test
    void eenAndereInstantieOpDezelfdeDatabaseRemtHetzelfdeAccount() throws Exception {
        for (int i = 1; i <= InlogPogingen.DREMPEL_ACCOUNT; i++) {
            assertThat(Sessie.api(poort, "GET", "/api/meldingen", null, LEZER, GERADEN + i).statusCode())
                    .as("poging " + i).isEqualTo(401);
        }
        // a second connector on the same database, as behind a load balancer: it holds the account back too
        InlogPogingen andere = new InlogPogingen(jdbc, klok, new SimpleMeterRegistry());
        assertThat(andere.geblokkeerd(LEZER, "192.0.2.7")).isPositive().isLessThanOrEqualTo(InlogPogingen.EERSTE_BLOK);
        assertThat(andere.geblokkeerd(BEHEERDER, "192.0.2.7")).isZero();
    }
}
