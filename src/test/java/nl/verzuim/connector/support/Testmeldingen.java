package nl.verzuim.connector.support;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Puts meldingen straight into the database in a chosen state, for tests of what the operator sees. */
public final class Testmeldingen {

    private final JdbcClient jdbc;

    public Testmeldingen(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A melding made at {@code aangemaakt}; {@code otStatus} and {@code meldingsnummer} may be null. */
    public long melding(String brin, String leerlingId, String kanaal, String soort, String status,
                        LocalDate uiterste, String meldingsnummer, String otStatus, OffsetDateTime aangemaakt) {
        GeneratedKeyHolder sleutel = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into melding (brin, vestiging, leerling_id, kanaal, soort, begindatum, einddatum, besloten_op,
                    uiterste_melddatum, uitleg, status, meldingsnummer, duo_status, ot_id, ot_status, aangemaakt, bijgewerkt)
                values (?, '00', ?, ?, ?, ?, ?, ?, ?, 'testuitleg', ?, ?, ?, ?, ?, ?, ?)""")
                .params(brin, leerlingId, kanaal, soort, LocalDate.of(2026, 11, 2),
                        kanaal.equals("DUO") ? LocalDate.of(2026, 11, 10) : null, LocalDate.of(2026, 11, 10), uiterste,
                        status, meldingsnummer, meldingsnummer == null ? null : "GEREGISTREERD",
                        kanaal.equals("OT") ? "OT-" + leerlingId : null, otStatus, aangemaakt, aangemaakt)
                .update(sleutel, "id");
        return sleutel.getKey().longValue();
    }

    public long melding(String brin, String leerlingId, String kanaal, String soort, String status, LocalDate uiterste) {
        return melding(brin, leerlingId, kanaal, soort, status, uiterste, null, null,
                OffsetDateTime.parse("2026-11-20T10:00:00+01:00"));
    }
}
