package nl.verzuim.connector.privacy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.verzuim.connector.persistence.Dialect;

/**
 * Who opened which pupil's data, and when (domain §5: "who looked at which pupil is logged"): a melding's detail,
 * what was sent for it, an inzage — on the page or through the API. The pupil is a {@link Pseudoniem}, never a BSN,
 * name or LAS key. Lines older than {@code connector.toegangslog.bewaartermijn} are deleted by the daily clean-up.
 */
@Repository
public class Toegangslog {

    private final JdbcClient jdbc;
    private final Pseudoniem pseudoniem;

    public Toegangslog(JdbcClient jdbc, Pseudoniem pseudoniem) {
        this.jdbc = jdbc;
        this.pseudoniem = pseudoniem;
    }

    /** One line of the log. */
    public record Regel(long id, Instant tijdstip, String gebruiker, String wat, String school, String leerling,
                        Long meldingId) {
    }

    public void schrijf(String gebruiker, String wat, String brin, String vestiging, String leerlingId, Long meldingId,
                        Instant nu) {
        jdbc.sql("""
                insert into toegangslog (tijdstip, gebruiker, wat, brin, vestiging, leerling, melding_id)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(Dialect.tijd(nu), gebruiker, wat, brin, vestiging, pseudoniem.van(brin, vestiging, leerlingId),
                        meldingId)
                .update();
    }

    /** The newest {@code max} lines, newest first. */
    public List<Regel> nieuwste(int max) {
        return jdbc.sql("select * from toegangslog order by id desc fetch first %d rows only"
                        .formatted(Math.max(1, max)))
                .query((rs, n) -> new Regel(rs.getLong("id"),
                        Dialect.instant(rs.getObject("tijdstip", OffsetDateTime.class)), rs.getString("gebruiker"),
                        rs.getString("wat"), rs.getString("brin") + rs.getString("vestiging"), rs.getString("leerling"),
                        (Long) rs.getObject("melding_id", Long.class)))
                .list();
    }

    /** Deletes the lines from before {@code grens}; how many. */
    public int vergeet(Instant grens) {
        return jdbc.sql("delete from toegangslog where tijdstip < ?").param(Dialect.tijd(grens)).update();
    }
}
