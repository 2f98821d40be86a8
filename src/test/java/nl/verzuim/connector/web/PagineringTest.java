package nl.verzuim.connector.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.verzuim.connector.support.ConnectorTestBasis;
import nl.verzuim.connector.support.Sessie;
import nl.verzuim.connector.support.Testmeldingen;

/**
 * More meldingen than a page holds (issue 13, region size): the API answers in pages with the exact total and links
 * to the other pages, the page shows 50 a page with page links, the attention lists show 20 and say how many there
 * are, and no count stops at 1,000.
 */
class PagineringTest extends ConnectorTestBasis {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int GEWOON = 1_030;
    static final int TE_LAAT = 25;
    static final int TOTAAL = GEWOON + TE_LAAT;

    @LocalServerPort
    int poort;

    long oudste;
    long nieuwste;

    @BeforeEach
    void veelMeldingen() {
        Testmeldingen t = new Testmeldingen(jdbc);
        // delivered ones first (the oldest ids), then meldingen past their deadline that DUO does not have
        for (int i = 0; i < GEWOON; i++) {
            long id = t.melding("00YY", "LN-P" + i, "DUO", "LUXE", "VERZONDEN", LocalDate.of(2026, 11, 24));
            oudste = i == 0 ? id : oudste;
        }
        for (int i = 0; i < TE_LAAT; i++) {
            nieuwste = t.melding("00YY", "LN-TL" + i, "DUO", "RELATIEF_16_UUR", "TE_VERZENDEN",
                    LocalDate.of(2026, 11, 18));
        }
    }

    HttpResponse<String> api(String pad) throws Exception {
        HttpResponse<String> antwoord = Sessie.api(poort, "GET", pad, null, LEZER, LEZER_WACHTWOORD);
        assertThat(antwoord.statusCode()).as(pad + ": " + antwoord.body()).isEqualTo(200);
        return antwoord;
    }

    static String kop(HttpResponse<?> antwoord, String naam) {
        return antwoord.headers().firstValue(naam).orElseThrow(() -> new AssertionError("geen kopregel " + naam));
    }

    @Test
    void deApiAntwoordtInPaginasMetHetExacteTotaalEnLinks() throws Exception {
        HttpResponse<String> derde = api("/api/meldingen?kanaal=DUO&max=100&pagina=3");
        assertThat(JSON.readTree(derde.body())).hasSize(100);
        assertThat(kop(derde, "X-Totaal-Aantal")).isEqualTo(Integer.toString(TOTAAL));
        assertThat(kop(derde, "X-Pagina")).isEqualTo("3");
        assertThat(kop(derde, "X-Paginas")).isEqualTo("11");
        String links = kop(derde, "Link");
        assertThat(links).contains("pagina=1>; rel=\"first\"").contains("pagina=2>; rel=\"prev\"")
                .contains("pagina=4>; rel=\"next\"").contains("pagina=11>; rel=\"last\"");
        // the links repeat the same search (codes only, never a pupil)
        assertThat(links).contains("kanaal=DUO").contains("max=100").doesNotContain("LN-");

        HttpResponse<String> laatste = api("/api/meldingen?kanaal=DUO&max=100&pagina=11");
        assertThat(JSON.readTree(laatste.body())).hasSize(TOTAAL - 1_000);
        assertThat(kop(laatste, "Link")).doesNotContain("rel=\"next\"");

        // every melding once over the pages, none lost at 1,000
        Set<Long> gezien = new HashSet<>();
        for (int pagina = 1; pagina <= 2; pagina++) {
            for (JsonNode m : JSON.readTree(api("/api/meldingen?max=1000&pagina=" + pagina).body())) {
                assertThat(gezien.add(m.get("id").asLong())).isTrue();
            }
        }
        assertThat(gezien).hasSize(TOTAAL).contains(oudste, nieuwste);

        // past the end: an empty page, with the count
        HttpResponse<String> voorbij = api("/api/meldingen?max=1000&pagina=5");
        assertThat(JSON.readTree(voorbij.body())).isEmpty();
        assertThat(kop(voorbij, "X-Totaal-Aantal")).isEqualTo(Integer.toString(TOTAAL));
        assertThat(Sessie.api(poort, "GET", "/api/meldingen?pagina=0", null, LEZER, LEZER_WACHTWOORD).statusCode())
                .isEqualTo(400);
        assertThat(kop(api("/api/meldingen?termijnVerstreken=true"), "X-Totaal-Aantal"))
                .isEqualTo(Integer.toString(TE_LAAT));
    }

    @Test
    void dePaginaToontVijftigPerPaginaMetLinksEnExacteTellers() throws Exception {
        Sessie sessie = Sessie.ingelogd(poort, LEZER, LEZER_WACHTWOORD);
        String eerste = sessie.get("/").body();
        int paginas = (TOTAAL + 49) / 50;
        assertThat(eerste).contains(TOTAAL + " meldingen gevonden; pagina 1 van " + paginas);
        assertThat(eerste).contains("<b>" + TE_LAAT + "</b>te laat bij DUO");
        assertThat(eerste).contains("De eerste 20 van " + TE_LAAT);
        assertThat(meldingLinks(eerste)).contains(nieuwste).doesNotContain(oudste);
        assertThat(eerste).contains("pagina=" + paginas + "#scholen").contains("pagina=2#scholen");

        String laatste = sessie.get("/?pagina=" + paginas).body();
        assertThat(laatste).contains("pagina " + paginas + " van " + paginas);
        assertThat(meldingLinks(laatste)).contains(oudste);
        // the attention list's 20 plus the last page's 5
        assertThat(meldingLinks(laatste)).hasSize(20 + TOTAAL - (paginas - 1) * 50);

        // the search is kept in the page links
        String gezocht = sessie.get("/?school=00YY00&termijnVerstreken=true").body();
        assertThat(gezocht).contains(TE_LAAT + " meldingen gevonden; pagina 1 van 1");
    }

    /** The ids of the meldingen rows on a page (each row carries data-melding="id"). */
    static List<Long> meldingLinks(String pagina) {
        Matcher m = Pattern.compile("data-melding=\"(\\d+)\"").matcher(pagina);
        List<Long> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }
}
