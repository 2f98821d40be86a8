package nl.verzuim.connector.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional outbox. Work is claimed for a lease: a crashed instance's claims run out and another (or the
 * restarted one) takes the work again, with the same key. Claiming skips rows another instance holds locked, so two
 * connectors on one PostgreSQL never take the same work.
 */
@Repository
public class OutboxRepository {

    public static final String TE_VERZENDEN = "TE_VERZENDEN";
    public static final String VERZONDEN = "VERZONDEN";
    public static final String MISLUKT = "MISLUKT";

    private final JdbcClient jdbc;

    public OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long plaats(long meldingId, String kanaal, OutboxItem.Operatie operatie, Instant nu) {
        String sleutel = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into outbox (melding_id, kanaal, operatie, sleutel, bericht_id, status, pogingen, volgende_poging,
                    aangemaakt) values (?, ?, ?, ?, ?, ?, 0, ?, ?)""")
                .params(meldingId, kanaal, operatie.name(), sleutel, "urn:uuid:" + UUID.randomUUID(), TE_VERZENDEN,
                        Dialect.tijd(nu), Dialect.tijd(nu))
                .update();
        return jdbc.sql("select id from outbox where sleutel = ?").param(sleutel).query(Long.class).single();
    }

    /** Claims up to {@code max} items that are due, for {@code lease}. */
    @Transactional
    public List<OutboxItem> claim(String kanaal, int max, String instantie, Duration lease, Instant nu) {
        List<Long> ids = jdbc.sql("""
                select id from outbox where status = ? and kanaal = ? and volgende_poging <= ?
                    and (geclaimd_tot is null or geclaimd_tot < ?)
                order by id fetch first %d rows only for update skip locked""".formatted(max))
                .params(TE_VERZENDEN, kanaal, Dialect.tijd(nu), Dialect.tijd(nu)).query(Long.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        for (Long id : ids) {
            jdbc.sql("update outbox set geclaimd_tot = ?, geclaimd_door = ? where id = ?")
                    .params(Dialect.tijd(nu.plus(lease)), instantie, id).update();
        }
        return ids.stream().map(this::vind).toList();
    }

    public OutboxItem vind(long id) {
        return jdbc.sql("select * from outbox where id = ?").param(id).query(OutboxRepository::rij).single();
    }

    public void verzonden(long id, Instant nu) {
        jdbc.sql("""
                update outbox set status = ?, verzonden = ?, pogingen = pogingen + 1, geclaimd_tot = null,
                    laatste_fout = null where id = ?""")
                .params(VERZONDEN, Dialect.tijd(nu), id).update();
    }

    /** A retryable failure: try again at {@code volgende}. */
    public void opnieuw(long id, String fout, Instant volgende) {
        jdbc.sql("""
                update outbox set pogingen = pogingen + 1, volgende_poging = ?, geclaimd_tot = null, laatste_fout = ?
                where id = ?""")
                .params(Dialect.tijd(volgende), fout, id).update();
    }

    /** A final failure: the dead letter a person acts on. */
    public void mislukt(long id, String fout) {
        jdbc.sql("""
                update outbox set status = ?, pogingen = pogingen + 1, geclaimd_tot = null, laatste_fout = ?
                where id = ?""")
                .params(MISLUKT, fout, id).update();
    }

    static OutboxItem rij(ResultSet rs, int n) throws SQLException {
        return new OutboxItem(rs.getLong("id"), rs.getLong("melding_id"), rs.getString("kanaal"),
                OutboxItem.Operatie.valueOf(rs.getString("operatie")), rs.getString("sleutel"),
                rs.getString("bericht_id"), rs.getInt("pogingen"),
                Dialect.instant(rs.getObject("aangemaakt", OffsetDateTime.class)));
    }
}
