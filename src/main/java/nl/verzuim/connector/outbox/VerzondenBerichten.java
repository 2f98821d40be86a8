package nl.verzuim.connector.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import nl.verzuim.connector.persistence.Dialect;

/**
 * What went out for a piece of outbox work, kept as it was sent (table verzonden_bericht): the SOAP envelope or JSON
 * body exactly as written to the wire, with its key, address, time, and the receiver's answer. Written by the
 * transports (a CXF interceptor for DUO, a RestClient interceptor for OT), which see the bytes themselves; read by
 * a melding's history and the AVG inzage. It holds personal data (that is what was sent), so it is shown only to an
 * account serving the pupil's school and deleted with the pupil after the bewaartermijn.
 */
@Repository
public class VerzondenBerichten {

    private static final int MAX = 1_000_000;

    private final JdbcClient jdbc;

    public VerzondenBerichten(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One message as sent, and what came back. */
    public record VerzondenBericht(long id, long outboxId, long meldingId, String kanaal, String operatie,
                                   String sleutel, String adres, String verzoek, Instant verzonden, Integer httpStatus,
                                   String antwoord, Instant beantwoord) {
    }

    /**
     * A message left for the outbox work with this key ({@code sleutel}). Work the outbox does not know (a status
     * question, a token request) is not kept: it carries no pupil.
     *
     * @return the row's id, or -1 when no outbox work has this key
     */
    public long verzonden(String sleutel, String adres, String verzoek, Instant nu) {
        List<OutboxItem> werk = jdbc.sql("select * from outbox where sleutel = ?").param(sleutel)
                .query(OutboxRepository::rij).list();
        if (werk.isEmpty()) {
            return -1;
        }
        OutboxItem item = werk.get(0);
        GeneratedKeyHolder sleutels = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into verzonden_bericht (outbox_id, melding_id, kanaal, operatie, sleutel, adres, verzoek, verzonden)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(item.id(), item.meldingId(), item.kanaal(), item.operatie().name(), sleutel, kort(adres, 500),
                        kort(verzoek, MAX), Dialect.tijd(nu))
                .update(sleutels, "id");
        return sleutels.getKey().longValue();
    }

    /** The answer to the last message sent with this key. */
    public void beantwoord(String sleutel, Integer httpStatus, String antwoord, Instant nu) {
        jdbc.sql("""
                update verzonden_bericht set http_status = ?, antwoord = ?, beantwoord = ?
                where id = (select max(id) from verzonden_bericht where sleutel = ?)""")
                .params(httpStatus, kort(antwoord, MAX), Dialect.tijd(nu), sleutel).update();
    }

    /** Every message sent for a melding, in the order sent. */
    public List<VerzondenBericht> voorMelding(long meldingId) {
        return jdbc.sql("select * from verzonden_bericht where melding_id = ? order by id").param(meldingId)
                .query(VerzondenBerichten::rij).list();
    }

    private static String kort(String tekst, int max) {
        return tekst == null || tekst.length() <= max ? tekst : tekst.substring(0, max);
    }

    private static VerzondenBericht rij(ResultSet rs, int n) throws SQLException {
        return new VerzondenBericht(rs.getLong("id"), rs.getLong("outbox_id"), rs.getLong("melding_id"),
                rs.getString("kanaal"), rs.getString("operatie"), rs.getString("sleutel"), rs.getString("adres"),
                rs.getString("verzoek"), Dialect.instant(rs.getObject("verzonden", OffsetDateTime.class)),
                (Integer) rs.getObject("http_status", Integer.class), rs.getString("antwoord"),
                Dialect.instant(rs.getObject("beantwoord", OffsetDateTime.class)));
    }
}
