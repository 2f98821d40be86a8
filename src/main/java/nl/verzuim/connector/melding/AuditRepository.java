package nl.verzuim.connector.melding;

import java.time.Instant;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.verzuim.connector.persistence.Dialect;

/**
 * The audit trail: what was sent to whom and when, and what came back. Details name fields and references
 * (meldingsnummer, OT-ID), never the personal values themselves.
 */
@Repository
public class AuditRepository {

    private static final String SCHRIJF =
            "insert into audit (tijdstip, melding_id, actie, ontvanger, details, door) values (?, ?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public AuditRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** One audit line, for {@link #schrijfAlle}. */
    public record Regel(Long meldingId, String actie, String ontvanger, String details, String door, Instant nu) {
    }

    /** Writes audit lines in one JDBC batch, in order. */
    public void schrijfAlle(List<Regel> regels) {
        if (regels.isEmpty()) {
            return;
        }
        batch.batchUpdate(SCHRIJF, regels, regels.size(), (ps, r) -> {
            ps.setObject(1, Dialect.tijd(r.nu()));
            if (r.meldingId() == null) {
                ps.setNull(2, java.sql.Types.BIGINT); // a line about no melding (a file, a person's action)
            } else {
                ps.setLong(2, r.meldingId());
            }
            ps.setString(3, r.actie());
            ps.setString(4, r.ontvanger());
            ps.setString(5, kort(r.details()));
            ps.setString(6, r.door());
        });
    }

    private static String kort(String details) {
        return details == null || details.length() <= 4000 ? details : details.substring(0, 4000);
    }

    /** Whether the melding has an audit line with this action (and these details, when given). */
    public boolean heeft(long meldingId, String actie, String details) {
        return jdbc.sql("select count(*) from audit where melding_id = ? and actie = ?"
                        + (details == null ? "" : " and details = ?"))
                .params(details == null ? new Object[] {meldingId, actie} : new Object[] {meldingId, actie, details})
                .query(Integer.class).single() > 0;
    }

    public void schrijf(Long meldingId, String actie, String ontvanger, String details, String door, Instant nu) {
        schrijfAlle(List.of(new Regel(meldingId, actie, ontvanger, details, door, nu)));
    }
}
