package nl.verzuim.connector.web;

import static nl.verzuim.connector.web.PagineringTest.JSON;
import static nl.verzuim.connector.web.PagineringTest.kop;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.verzuim.connector.support.ConnectorTestBasis;
import nl.verzuim.connector.support.Sessie;
import nl.verzuim.connector.support.Testmeldingen;

/**
 * The dead letters and the quarantined files of a region (issue 13): {@code /api/doodlopers} and
 * {@code /api/quarantaine} page like {@code /api/meldingen}, with the exact total counted in the database, and an
 * account of one school counts its own school's only. Tagged "database": the paging is SQL, so it runs on
 * PostgreSQL as well.
 */
@Tag("database")
class PagineringLijstenTest extends ConnectorTestBasis {

    static final int DOODLOPERS = 120;
    /** Of the dead letters, these belong to the school of {@link #SCHOOLBEHEERDER}; the rest to 00YY. */
    static final int EIGEN_DOODLOPERS = 7;
    static final int IN_QUARANTAINE = 120;
    static final OffsetDateTime NU = OffsetDateTime.parse(KLOK_START);

    @LocalServerPort
    int poort;

    HttpResponse<String> api(String pad, String gebruiker, String wachtwoord) throws Exception {
        HttpResponse<String> antwoord = Sessie.api(poort, "GET", pad, null, gebruiker, wachtwoord);
        assertThat(antwoord.statusCode()).as(pad + ": " + antwoord.body()).isEqualTo(200);
        return antwoord;
    }

    HttpResponse<String> api(String pad) throws Exception {
        return api(pad, LEZER, LEZER_WACHTWOORD);
    }

    /** X-Totaal-Aantal, X-Pagina and X-Paginas of an answer. */
    static List<String> koppen(HttpResponse<?> antwoord) {
        return List.of(kop(antwoord, "X-Totaal-Aantal"), kop(antwoord, "X-Pagina"), kop(antwoord, "X-Paginas"));
    }

    /** Dead letters, oldest first by outbox id; returns their outbox ids in that order. */
    List<Long> doodlopers() {
        Testmeldingen t = new Testmeldingen(jdbc);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < DOODLOPERS; i++) {
            String brin = i < EIGEN_DOODLOPERS ? EIGEN_SCHOOL : "00YY";
            long melding = t.melding(brin, "LN-D" + i, "DUO", "LUXE", "MISLUKT", LocalDate.of(2026, 11, 24));
            jdbc.sql("""
                    insert into outbox (melding_id, kanaal, operatie, sleutel, bericht_id, status, pogingen,
                        volgende_poging, laatste_fout, aangemaakt)
                    values (?, 'DUO', 'DUO_AANLEVEREN', ?, ?, 'MISLUKT', 20, ?, 'x', ?)""")
                    .params(melding, "dood-" + i, "b-" + i, NU, NU).update();
            ids.add(jdbc.sql("select id from outbox where melding_id = ?").param(melding).query(Long.class).single());
        }
        return ids;
    }

    @Test
    void doodlopersInPaginasMetHetExacteTotaalPerAccount() throws Exception {
        List<Long> ids = doodlopers();

        HttpResponse<String> eerste = api("/api/doodlopers?max=50");
        assertThat(JSON.readTree(eerste.body())).hasSize(50);
        assertThat(JSON.readTree(eerste.body()).get(0).get("outboxId").asLong()).isEqualTo(ids.get(0));
        assertThat(koppen(eerste)).containsExactly(Integer.toString(DOODLOPERS), "1", "3");
        assertThat(kop(eerste, "Link")).contains("pagina=1>; rel=\"first\"").contains("pagina=2>; rel=\"next\"")
                .contains("pagina=3>; rel=\"last\"").contains("max=50").doesNotContain("rel=\"prev\"");

        HttpResponse<String> laatste = api("/api/doodlopers?max=50&pagina=3");
        assertThat(JSON.readTree(laatste.body())).hasSize(DOODLOPERS - 100);
        assertThat(kop(laatste, "Link")).contains("pagina=2>; rel=\"prev\"").doesNotContain("rel=\"next\"");

        // every dead letter once over the pages, oldest first
        List<Long> gezien = new ArrayList<>();
        for (int pagina = 1; pagina <= 3; pagina++) {
            for (JsonNode d : JSON.readTree(api("/api/doodlopers?max=50&pagina=" + pagina).body())) {
                gezien.add(d.get("outboxId").asLong());
            }
        }
        assertThat(gezien).containsExactlyElementsOf(ids);

        // the default page size holds them all; an account of one school counts and sees its own school's only
        assertThat(JSON.readTree(api("/api/doodlopers").body())).hasSize(DOODLOPERS);
        HttpResponse<String> school = api("/api/doodlopers?max=5", SCHOOLBEHEERDER, SCHOOLBEHEERDER_WACHTWOORD);
        assertThat(kop(school, "X-Totaal-Aantal")).isEqualTo(Integer.toString(EIGEN_DOODLOPERS));
        assertThat(kop(school, "X-Paginas")).isEqualTo("2");
        assertThat(JSON.readTree(school.body())).hasSize(5)
                .allSatisfy(d -> assertThat(d.get("brin").asText()).isEqualTo(EIGEN_SCHOOL));

        // the same bounds as /api/meldingen
        assertThat(Sessie.api(poort, "GET", "/api/doodlopers?max=1001", null, LEZER, LEZER_WACHTWOORD).statusCode())
                .isEqualTo(400);
        assertThat(Sessie.api(poort, "GET", "/api/doodlopers?pagina=0", null, LEZER, LEZER_WACHTWOORD).statusCode())
                .isEqualTo(400);

        // the alert counts them all, and so does the page's counter
        String pagina = Sessie.ingelogd(poort, LEZER, LEZER_WACHTWOORD).get("/").body();
        assertThat(pagina).contains(DOODLOPERS + " aflevering(en) opgegeven")
                .contains("<b>" + DOODLOPERS + "</b>mislukt (doodlopers)")
                .contains("De eerste 20 van " + DOODLOPERS);
    }

    @Test
    void quarantaineInPaginasNieuwsteEerst() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < IN_QUARANTAINE; i++) {
            jdbc.sql("""
                    insert into quarantaine (bestand, pad, rapport_pad, samenvatting, aantal_fouten, aantal_geaccepteerd,
                        tijdstip) values (?, '/nergens/x', '/nergens/x.fout.txt', 'kapot', 1, 0, ?)""")
                    .params("export-" + i + ".csv", NU).update();
        }
        ids.addAll(jdbc.sql("select id from quarantaine order by id desc").query(Long.class).list());

        HttpResponse<String> tweede = api("/api/quarantaine?max=50&pagina=2");
        assertThat(JSON.readTree(tweede.body())).hasSize(50);
        assertThat(JSON.readTree(tweede.body()).get(0).get("id").asLong()).isEqualTo(ids.get(50));
        assertThat(koppen(tweede)).containsExactly(Integer.toString(IN_QUARANTAINE), "2", "3");
        assertThat(kop(tweede, "Link")).contains("pagina=1>; rel=\"prev\"").contains("pagina=3>; rel=\"next\"");

        HttpResponse<String> laatste = api("/api/quarantaine?max=50&pagina=3");
        assertThat(JSON.readTree(laatste.body())).hasSize(IN_QUARANTAINE - 100);
        assertThat(JSON.readTree(laatste.body()).get(IN_QUARANTAINE - 101).get("id").asLong())
                .isEqualTo(ids.get(IN_QUARANTAINE - 1));
        HttpResponse<String> voorbij = api("/api/quarantaine?max=50&pagina=4");
        assertThat(JSON.readTree(voorbij.body())).isEmpty();
        assertThat(kop(voorbij, "X-Totaal-Aantal")).isEqualTo(Integer.toString(IN_QUARANTAINE));

        // quarantined files are the board's: an account of one school counts none
        HttpResponse<String> school = api("/api/quarantaine", SCHOOLBEHEERDER, SCHOOLBEHEERDER_WACHTWOORD);
        assertThat(JSON.readTree(school.body())).isEmpty();
        assertThat(kop(school, "X-Totaal-Aantal")).isEqualTo("0");
        assertThat(kop(school, "X-Paginas")).isEqualTo("1");

        // the page shows the newest 20 and says so
        String pagina = Sessie.ingelogd(poort, LEZER, LEZER_WACHTWOORD).get("/").body();
        assertThat(pagina).contains("De eerste 20 van " + IN_QUARANTAINE)
                .contains("export-" + (IN_QUARANTAINE - 1) + ".csv").doesNotContain("export-0.csv");
    }
}
