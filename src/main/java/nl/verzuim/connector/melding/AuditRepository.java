package nl.verzuim.connector.melding;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.verzuim.connector.persistence.Dialect;

/**
 * The audit trail: what was sent to whom and when, and what came back. Details name fields and references
 * (meldingsnummer, OT-ID), never the personal values themselves.
 */
@Repository
public class AuditRepository {

    private final JdbcClient jdbc;

    public AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the melding has an audit line with this action (and these details, when given). */
    public boolean heeft(long meldingId, String actie, String details) {
        return jdbc.sql("select count(*) from audit where melding_id = ? and actie = ?"
                        + (details == null ? "" : " and details = ?"))
                .params(details == null ? new Object[] {meldingId, actie} : new Object[] {meldingId, actie, details})
                .query(Integer.class).single() > 0;
    }

    public void schrijf(Long meldingId, String actie, String ontvanger, String details, String door, Instant nu) {
        jdbc.sql("insert into audit (tijdstip, melding_id, actie, ontvanger, details, door) values (?, ?, ?, ?, ?, ?)")
                .params(Dialect.tijd(nu), meldingId, actie, ontvanger,
                        details == null || details.length() <= 4000 ? details : details.substring(0, 4000), door)
                .update();
    }
}
