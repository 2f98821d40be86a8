package nl.verzuim.connector.ot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.verzuim.connector.support.ConnectorTestBasis;

/** POST /api/ot/gebeurtenissen as connector-interface.md has it: signature first, stored before 2xx, once per eventId. */
class OtWebhookTest extends ConnectorTestBasis {

    @LocalServerPort
    int poort;

    static final String GEBEURTENIS = "{\"eventId\":\"ev-42\",\"type\":\"TERUGGEZET\",\"trajectId\":\"TR-1\","
            + "\"otId\":\"OT-1\",\"reden\":\"adviseur ontbreekt\",\"tijdstip\":\"2026-11-20T10:00:00Z\"}";

    @Test
    void eenVervalsteHandtekeningGeeft401EnErWordtNietsBewaard() throws Exception {
        String vals = handtekening(GEBEURTENIS.replace("TERUGGEZET", "GEACCEPTEERD"));
        assertThat(post(GEBEURTENIS, vals).statusCode()).isEqualTo(401);
        assertThat(post(GEBEURTENIS, null).statusCode()).isEqualTo(401);
        assertThat(post(GEBEURTENIS, "sha256=").statusCode()).isEqualTo(401);
        assertThat(aantalBewaard()).isZero();
    }

    @Test
    void eenLichaamDatGeenGebeurtenisIsGeeft400EnErWordtNietsBewaard() throws Exception {
        String zonderType = "{\"eventId\":\"ev-43\",\"trajectId\":\"TR-1\",\"otId\":\"OT-1\",\"tijdstip\":\"2026-11-20T10:00:00Z\"}";
        assertThat(post(zonderType, handtekening(zonderType)).statusCode()).isEqualTo(400);
        assertThat(post("geen json", handtekening("geen json")).statusCode()).isEqualTo(400);
        assertThat(aantalBewaard()).isZero();
    }

    @Test
    void dezelfdeGebeurtenisTweeKeerWordtEenKeerBewaard() throws Exception {
        assertThat(post(GEBEURTENIS, handtekening(GEBEURTENIS)).statusCode()).isEqualTo(202);
        assertThat(post(GEBEURTENIS, handtekening(GEBEURTENIS)).statusCode()).isEqualTo(202);
        assertThat(aantalBewaard()).isEqualTo(1);
    }

    private int aantalBewaard() {
        return jdbc.sql("select count(*) from ot_gebeurtenis").query(Integer.class).single();
    }

    private HttpResponse<String> post(String lichaam, String handtekening) throws Exception {
        HttpRequest.Builder verzoek = HttpRequest.newBuilder(URI.create("http://localhost:" + poort + "/api/ot/gebeurtenissen"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(lichaam));
        if (handtekening != null) {
            verzoek.header("X-OT-Signature", handtekening);
        }
        return HttpClient.newHttpClient().send(verzoek.build(), HttpResponse.BodyHandlers.ofString());
    }
}
