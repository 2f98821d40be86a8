package nl.verzuim.connector.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * For the lifecycle tests: OT meldingen in a given state, and the lifecycle's own tables emptied. Tagged
 * {@code database}: the {@code postgres} profile runs them against PostgreSQL too (events, cursor, OTLOOP outbox).
 */
@Tag("database")
public abstract class LevensloopTestBasis extends ConnectorTestBasis {

    /** The sandbox dossier's pupil, and what must never be in a mail about them. */
    public static final String LEERLING = "LN094837";
    public static final String[] PERSOONSGEGEVENS = {"111222333", "Berg", "Björn", "Daan", "2014-03-17",
            "17-03-2014", "17 maart 2014", "Adelaarslaan", "7331GJ"};

    @LocalServerPort
    protected int poort;

    @BeforeEach
    void leegLevensloop() {
        for (String tabel : new String[] {"ot_traject_stand", "ot_percentage", "ot_opdracht"}) {
            jdbc.sql("delete from " + tabel).update();
        }
    }

    /** An OT melding of school 00YY00 with traject TR-x / OT-ID OT-x in the given OT status. */
    protected long otMelding(String leerlingId, String x, String otStatus, LocalDate begindatum) {
        OffsetDateTime nu = OffsetDateTime.parse(KLOK_START);
        jdbc.sql("""
                insert into melding (brin, vestiging, leerling_id, kanaal, soort, begindatum, besloten_op, uitleg, status,
                    traject_id, ot_id, ot_status, ot_link, aangemaakt, bijgewerkt)
                values ('00YY', '00', ?, 'OT', 'A_LANGDURIG_RELATIEF_VERZUIM', ?, ?, 'test', 'VERZONDEN', ?, ?, ?, ?, ?, ?)""")
                .params(leerlingId, begindatum, begindatum.plusDays(27), "TR-" + x, "OT-" + x, otStatus,
                        MOCK.baseUrl() + "/ot/web/trajecten/TR-" + x, nu, nu)
                .update();
        return jdbc.sql("select id from melding where traject_id = ?").param("TR-" + x).query(Long.class).single();
    }

    protected String otStatus(long meldingId) {
        return jdbc.sql("select ot_status from melding where id = ?").param(meldingId).query(String.class).single();
    }

    protected HttpResponse<String> webhook(String lichaam, String handtekening) throws Exception {
        HttpRequest.Builder verzoek = HttpRequest.newBuilder(URI.create("http://localhost:" + poort
                        + "/api/ot/gebeurtenissen"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(lichaam));
        if (handtekening != null) {
            verzoek.header("X-OT-Signature", handtekening);
        }
        return HttpClient.newHttpClient().send(verzoek.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected static String gebeurtenis(String eventId, String type, String x, String reden) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"trajectId\":\"TR-" + x
                + "\",\"otId\":\"OT-" + x + "\"" + (reden == null ? "" : ",\"reden\":\"" + reden + "\"")
                + ",\"door\":\"M. Adviseur\",\"tijdstip\":\"2026-11-20T14:00:00Z\"}";
    }
}
