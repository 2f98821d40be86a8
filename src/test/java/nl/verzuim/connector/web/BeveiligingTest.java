package nl.verzuim.connector.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import nl.verzuim.connector.support.ConnectorTestBasis;
import nl.verzuim.connector.support.Sessie;
import nl.verzuim.connector.support.Testmeldingen;

/**
 * Nobody without an account sees or does anything: every mapped endpoint — enumerated from Spring's handler
 * mappings (controllers, springdoc, actuator), so a new one is covered without being named here — refuses a
 * request without a login, except the OT webhook (it has its signature), health and the login page. A lezer reads
 * but cannot act (403) on any endpoint that changes something; the page's forms need their CSRF token. An account
 * of one school neither sees nor changes anything of another school through any endpoint, page included.
 */
class BeveiligingTest extends ConnectorTestBasis {

    static final String GEHEIME_LEERLING = "LN-ZICHTBAAR-ALLEEN-INGELOGD";

    @Autowired
    List<RequestMappingInfoHandlerMapping> afbeeldingen;

    @LocalServerPort
    int poort;

    long meldingId;

    @BeforeEach
    void eenMelding() {
        meldingId = new Testmeldingen(jdbc).melding("00YY", GEHEIME_LEERLING, "DUO", "RELATIEF_16_UUR",
                "WACHT_OP_GOEDKEURING", LocalDate.of(2026, 11, 27));
    }

    record Eindpunt(String methode, String patroon, String pad) {
        boolean isApi() {
            return pad.startsWith("/api/") || pad.startsWith("/actuator");
        }

        boolean handelt() {
            return !methode.equals("GET") && !methode.equals("HEAD") && !methode.equals("OPTIONS");
        }

        @Override
        public String toString() {
            return methode + " " + patroon;
        }
    }

    /** Open on purpose: the webhook (HMAC-signed), health with its probes, and the login form itself. */
    static boolean open(Eindpunt e) {
        return (e.patroon().equals("/api/ot/gebeurtenissen") && e.methode().equals("POST"))
                || e.patroon().startsWith("/actuator/health")
                || (e.patroon().equals("/login") && e.methode().equals("GET"));
    }

    List<Eindpunt> eindpunten() {
        Set<String> gezien = new TreeSet<>();
        List<Eindpunt> lijst = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping afbeelding : afbeeldingen) {
            for (RequestMappingInfo info : afbeelding.getHandlerMethods().keySet()) {
                Set<RequestMethod> methoden = info.getMethodsCondition().getMethods();
                List<String> namen = methoden.isEmpty() ? List.of("GET", "POST")
                        : methoden.stream().map(Enum::name).toList();
                for (String patroon : info.getPatternValues()) {
                    String pad = patroon.replaceAll("\\{[^}]*}", "1").replace("**", "x").replace("*", "x");
                    for (String methode : namen) {
                        if (gezien.add(methode + " " + patroon)) {
                            lijst.add(new Eindpunt(methode, patroon, pad));
                        }
                    }
                }
            }
        }
        return lijst;
    }

    @Test
    void deOpsommingVindtDeControllersSpringdocEnActuator() {
        List<String> alle = eindpunten().stream().map(Eindpunt::toString).toList();
        assertThat(alle).contains("GET /", "GET /api/meldingen", "GET /api/meldingen/{id}", "POST /api/meldingen/overig",
                "POST /api/meldingen/lrv", "POST /meldingen/lrv", "POST /api/quarantaine/{id}/opnieuw-inlezen", "POST /quarantaine/{id}/opnieuw-inlezen",
                "GET /actuator/prometheus", "GET /v3/api-docs", "POST /api/ot/gebeurtenissen");
    }

    @TestFactory
    Stream<DynamicTest> elkEindpuntWeigertEenVerzoekZonderLogin() {
        return eindpunten().stream().filter(e -> !open(e)).map(e -> DynamicTest.dynamicTest(e.toString(), () -> {
            // An anonymous session with a valid CSRF token: what is refused is the missing login, not the token.
            HttpResponse<String> antwoord = Sessie.anoniem(poort).verzoek(e.methode(), e.pad(),
                    e.handelt() && e.isApi() ? "{}" : null);
            assertThat(geweigerdZonderLogin(antwoord)).as(e + " zonder login: " + antwoord.statusCode() + " "
                    + antwoord.headers().firstValue("Location").orElse("")).isTrue();
            assertThat(antwoord.body()).doesNotContain(GEHEIME_LEERLING);
        }));
    }

    static boolean geweigerdZonderLogin(HttpResponse<String> antwoord) {
        return antwoord.statusCode() == 401 || (antwoord.statusCode() == 302
                && antwoord.headers().firstValue("Location").orElse("").endsWith("/login"));
    }

    @TestFactory
    Stream<DynamicTest> eenLezerKanNietsDoen() throws Exception {
        Sessie lezer = Sessie.ingelogd(poort, LEZER, LEZER_WACHTWOORD);
        return eindpunten().stream().filter(e -> !open(e) && e.handelt())
                .map(e -> DynamicTest.dynamicTest(e.toString(), () -> {
                    HttpResponse<String> antwoord = e.isApi()
                            ? Sessie.api(poort, e.methode(), e.pad(), "{}", LEZER, LEZER_WACHTWOORD)
                            : lezer.verzoek(e.methode(), e.pad(), null);
                    assertThat(antwoord.statusCode()).as(e + " als lezer").isEqualTo(403);
                }));
    }

    // ---- need to know: an account of one school sees and does nothing of another (domain §5) ----

    static final String GEHEIM_BESTAND = "GEHEIM-QUARANTAINEBESTAND.csv";
    static final String GEHEIME_MAIL = "GEHEIM-MAILONDERWERP";

    /** Another school's melding with a dead letter and a mail, and a quarantined file of the board. */
    long[] andereSchool() {
        OffsetDateTime nu = OffsetDateTime.parse(KLOK_START);
        jdbc.sql("""
                insert into outbox (melding_id, kanaal, operatie, sleutel, bericht_id, status, volgende_poging, aangemaakt)
                values (?, 'DUO', 'DUO_AANLEVEREN', 'sleutel-geheim', 'urn:uuid:geheim', 'MISLUKT', ?, ?)""")
                .params(meldingId, nu, nu).update();
        jdbc.sql("""
                insert into mail_outbox (sleutel, melding_id, soort, ontvanger, onderwerp, html, tekst, status,
                    volgende_poging, aangemaakt) values ('mail-geheim', ?, 'NIEUW', 'x@verrekijker.example', ?, 'h', 't',
                    'VERZONDEN', ?, ?)""").params(meldingId, GEHEIME_MAIL, nu, nu).update();
        GeneratedKeyHolder sleutel = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into quarantaine (bestand, pad, rapport_pad, samenvatting, aantal_fouten, aantal_geaccepteerd, tijdstip)
                values (?, '/nergens/x', '/nergens/x.fout.txt', 'kapot', 1, 0, ?)""")
                .params(GEHEIM_BESTAND, nu).update(sleutel, "id");
        return new long[] {meldingId, sleutel.getKey().longValue()};
    }

    /** The path with the ids of the other school's rows, so that each endpoint is asked about them. */
    static String padVoor(Eindpunt e, long melding, long quarantaine) {
        String pad = e.patroon().replace("**", "x").replace("*", "x");
        long id = e.patroon().contains("quarantaine") ? quarantaine : melding;
        return pad.replaceAll("\\{[^}]*}", Long.toString(id));
    }

    @TestFactory
    Stream<DynamicTest> eenSchoolaccountZietEnDoetNietsVanEenAndereSchool() throws Exception {
        long[] ids = andereSchool();
        Sessie school = Sessie.ingelogd(poort, SCHOOLBEHEERDER, SCHOOLBEHEERDER_WACHTWOORD);
        // a body that names the other school's pupil, for every endpoint that takes one
        String lichaam = """
                {"brin":"00YY","vestiging":"00","leerlingId":"%s","begindatum":"2026-11-16","toelichting":"x",
                 "reden":"x","soort":"GESPREK","startdatum":"2026-11-16","einddatum":"2026-11-20"}"""
                .formatted(GEHEIME_LEERLING);
        return eindpunten().stream().filter(e -> !open(e)).map(e -> DynamicTest.dynamicTest(e.toString(), () -> {
            String pad = padVoor(e, ids[0], ids[1]);
            HttpResponse<String> antwoord = e.isApi()
                    ? Sessie.api(poort, e.methode(), pad, e.handelt() ? lichaam : null, SCHOOLBEHEERDER,
                            SCHOOLBEHEERDER_WACHTWOORD)
                    : school.verzoek(e.methode(), pad, null);
            assertThat(antwoord.body()).as(e + " als account van een andere school")
                    .doesNotContain(GEHEIME_LEERLING).doesNotContain(GEHEIM_BESTAND).doesNotContain(GEHEIME_MAIL)
                    .doesNotContain("sleutel-geheim");
            if ((e.handelt() || e.patroon().contains("{")) && !e.patroon().startsWith("/error")) {
                assertThat(antwoord.statusCode()).as(e + " " + pad).isIn(400, 403, 404, 405);
            }
            assertThat(jdbc.sql("select status from melding where id = ?").param(ids[0]).query(String.class).single())
                    .as(e + " liet de melding van de andere school staan").isEqualTo("WACHT_OP_GOEDKEURING");
            assertThat(jdbc.sql("select count(*) from audit").query(Integer.class).single()).as(e.toString()).isZero();
            assertThat(jdbc.sql("select count(*) from quarantaine").query(Integer.class).single()).as(e.toString()).isOne();
            assertThat(jdbc.sql("select count(*) from melding").query(Integer.class).single()).as(e.toString()).isOne();
        }));
    }

    @Test
    void eenSchoolaccountZietZijnEigenSchoolEnTeltNietsVanDeAndere() throws Exception {
        andereSchool();
        long eigen = new Testmeldingen(jdbc).melding(EIGEN_SCHOOL, "LN-EIGEN-SCHOOL", "DUO", "RELATIEF_16_UUR",
                "WACHT_OP_GOEDKEURING", LocalDate.of(2026, 11, 27));
        Sessie school = Sessie.ingelogd(poort, SCHOOLBEHEERDER, SCHOOLBEHEERDER_WACHTWOORD);
        HttpResponse<String> pagina = school.get("/");
        assertThat(pagina.statusCode()).isEqualTo(200);
        assertThat(pagina.body()).contains("LN-EIGEN-SCHOOL").doesNotContain(GEHEIME_LEERLING)
                .contains("<b>0</b>mislukt").contains("<b>0</b>bestanden in quarantaine");
        assertThat(school.get("/meldingen/" + eigen).body()).contains("LN-EIGEN-SCHOOL");
        assertThat(Sessie.api(poort, "GET", "/api/meldingen", null, SCHOOLBEHEERDER, SCHOOLBEHEERDER_WACHTWOORD)
                .body()).contains("LN-EIGEN-SCHOOL").doesNotContain(GEHEIME_LEERLING);
        assertThat(Sessie.api(poort, "POST", "/api/meldingen/" + eigen + "/goedkeuren", null, SCHOOLBEHEERDER,
                SCHOOLBEHEERDER_WACHTWOORD).statusCode()).isEqualTo(200);
        // the figures of every school are for board-wide accounts
        assertThat(Sessie.api(poort, "GET", "/actuator/prometheus", null, SCHOOLBEHEERDER, SCHOOLBEHEERDER_WACHTWOORD)
                .statusCode()).isEqualTo(403);
        // the board sees both
        assertThat(Sessie.api(poort, "GET", "/api/meldingen", null, LEZER, LEZER_WACHTWOORD).body())
                .contains("LN-EIGEN-SCHOOL").contains(GEHEIME_LEERLING);
    }

    @Test
    void eenLezerLeestWelMaarZietGeenKnoppen() throws Exception {
        Sessie lezer = Sessie.ingelogd(poort, LEZER, LEZER_WACHTWOORD);
        HttpResponse<String> pagina = lezer.get("/");
        assertThat(pagina.statusCode()).isEqualTo(200);
        assertThat(pagina.body()).contains(GEHEIME_LEERLING).contains("Ingelogd als").contains(LEZER)
                .doesNotContain("Opnieuw inlezen").doesNotContain("Overig verzuim melden")
                .doesNotContain("LRV melden");
        assertThat(Sessie.api(poort, "GET", "/api/meldingen", null, LEZER, LEZER_WACHTWOORD).statusCode()).isEqualTo(200);
        assertThat(Sessie.api(poort, "GET", "/api/meldingen/" + meldingId, null, LEZER, LEZER_WACHTWOORD).body())
                .contains(GEHEIME_LEERLING);
        assertThat(Sessie.api(poort, "GET", "/actuator/prometheus", null, LEZER, LEZER_WACHTWOORD).statusCode())
                .isEqualTo(200);
    }

    @Test
    void eenLezerMaaktGeenMeldingOverigVerzuim() throws Exception {
        String verzoek = """
                {"brin":"00YY","vestiging":"00","leerlingId":"LN094837","begindatum":"2026-11-16","toelichting":"spijbelt"}""";
        assertThat(Sessie.api(poort, "POST", "/api/meldingen/overig", verzoek, LEZER, LEZER_WACHTWOORD).statusCode())
                .isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from melding where soort = 'OVERIG'").query(Integer.class).single()).isZero();
    }

    @Test
    void healthEnDeProbesZijnOpenZonderLogin() throws Exception {
        for (String pad : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpResponse<String> antwoord = Sessie.api(poort, "GET", pad, null, null, null);
            assertThat(antwoord.statusCode()).as(pad).isEqualTo(200);
            assertThat(antwoord.body()).as(pad).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void eenVerkeerdWachtwoordKomtNietBinnen() throws Exception {
        Sessie sessie = Sessie.anoniem(poort);
        HttpResponse<String> antwoord = sessie.post("/login", Map.of("gebruikersnaam", BEHEERDER, "wachtwoord", "fout"));
        assertThat(antwoord.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(geweigerdZonderLogin(sessie.get("/"))).isTrue();
        assertThat(Sessie.api(poort, "GET", "/api/meldingen", null, BEHEERDER, "fout").statusCode()).isEqualTo(401);
        assertThat(sessie.get("/login?error").body()).contains("Onbekende gebruikersnaam of verkeerd wachtwoord");
    }

    @Test
    void deApiNeemtDeSessieVanDePaginaNietAan() throws Exception {
        // CSRF needs credentials a browser sends by itself; the API takes none: a page session is no login there.
        Sessie beheerder = Sessie.ingelogd(poort, BEHEERDER, BEHEERDER_WACHTWOORD);
        assertThat(beheerder.get("/").statusCode()).isEqualTo(200);
        assertThat(beheerder.verzoek("GET", "/api/meldingen", null).statusCode()).isEqualTo(401);
        assertThat(beheerder.verzoek("POST", "/api/meldingen/overig", "{}").statusCode()).isEqualTo(401);
    }

    @Test
    void uitloggenBeeindigtDeSessie() throws Exception {
        Sessie beheerder = Sessie.ingelogd(poort, BEHEERDER, BEHEERDER_WACHTWOORD);
        HttpResponse<String> uit = beheerder.post("/logout", Map.of());
        assertThat(uit.statusCode()).as(uit.body()).isEqualTo(302);
        assertThat(uit.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?uitgelogd"));
        assertThat(geweigerdZonderLogin(beheerder.get("/"))).isTrue();
    }
}
