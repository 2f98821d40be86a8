package nl.verzuim.connector.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import nl.verzuim.connector.persistence.Dialect;
import nl.verzuim.connector.persistence.Schoolbereik;

/**
 * The transactional outbox. Work is claimed for a short lease that the holder renews while it works
 * ({@link #verleng}): a crashed instance's claims run out within a lease and another (or the restarted one) takes the
 * work again, with the same key. Claiming skips rows another instance holds locked, so two
 * connectors on one PostgreSQL never take the same work.
 */
@Repository
public class OutboxRepository {

    public static final String TE_VERZENDEN = "TE_VERZENDEN";
    public static final String VERZONDEN = "VERZONDEN";
    public static final String MISLUKT = "MISLUKT";
    /** Withdrawn by a person before it was sent: never to be sent. */
    public static final String GEANNULEERD = "GEANNULEERD";

    private static final String PLAATS = """
            insert into outbox (melding_id, kanaal, operatie, sleutel, bericht_id, status, pogingen, volgende_poging,
                aangemaakt, reden) values (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public OutboxRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public long plaats(long meldingId, String kanaal, OutboxItem.Operatie operatie, Instant nu) {
        return plaats(meldingId, kanaal, operatie, null, nu);
    }

    /** New work for {@link #plaatsAlle}. */
    public record Plaatsing(long meldingId, String kanaal, OutboxItem.Operatie operatie, Instant nu) {
    }

    /** New work in one JDBC batch, each with its own key as {@link #plaats} gives it. */
    public void plaatsAlle(List<Plaatsing> plaatsingen) {
        if (plaatsingen.isEmpty()) {
            return;
        }
        batch.batchUpdate(PLAATS, plaatsingen, plaatsingen.size(),
                (ps, p) -> {
                    ps.setLong(1, p.meldingId());
                    ps.setString(2, p.kanaal());
                    ps.setString(3, p.operatie().name());
                    ps.setString(4, UUID.randomUUID().toString());
                    ps.setString(5, "urn:uuid:" + UUID.randomUUID());
                    ps.setString(6, TE_VERZENDEN);
                    ps.setObject(7, Dialect.tijd(p.nu()));
                    ps.setObject(8, Dialect.tijd(p.nu()));
                    ps.setNull(9, java.sql.Types.VARCHAR);
                });
    }

    /** New work with its key chosen here, once: every retry and every restart sends this same key. */
    public long plaats(long meldingId, String kanaal, OutboxItem.Operatie operatie, String reden, Instant nu) {
        String sleutel = UUID.randomUUID().toString();
        jdbc.sql(PLAATS)
                .params(meldingId, kanaal, operatie.name(), sleutel, "urn:uuid:" + UUID.randomUUID(), TE_VERZENDEN,
                        Dialect.tijd(nu), Dialect.tijd(nu), reden)
                .update();
        return jdbc.sql("select id from outbox where sleutel = ?").param(sleutel).query(Long.class).single();
    }

    /** Which due work a claim may take. */
    public enum Volgorde {
        /** Any due item, oldest first. */
        VRIJ(""),
        /**
         * Only the oldest unfinished item of each melding on the kanaal: calls that must reach the receiver in the
         * order they were decided, also when an earlier one waits for a retry. A dead letter (or a cancelled item)
         * holds back what follows it for that melding until a person acts on it.
         */
        PER_MELDING(" and not exists (select 1 from outbox e where e.melding_id = outbox.melding_id"
                + " and e.kanaal = outbox.kanaal and e.status <> 'VERZONDEN' and e.id < outbox.id)");

        private final String voorwaarde;

        Volgorde(String voorwaarde) {
            this.voorwaarde = voorwaarde;
        }
    }

    /**
     * Claims due work on {@code kanaal} in any order (see the claim with a {@link Volgorde}). Transactional itself:
     * the call below does not pass Spring's proxy, and without one transaction the locks end with each statement.
     */
    @Transactional
    public List<OutboxItem> claim(String kanaal, int max, String instantie, Duration lease, Instant nu) {
        return claim(kanaal, Volgorde.VRIJ, max, instantie, lease, nu);
    }

    /**
     * Claims up to {@code max} items that are due, for {@code lease}, as {@code volgorde} allows. First the
     * candidates without locks, then only those rows are locked (skipping rows another instance holds) and checked
     * again, then marked claimed. Locking in the first select made H2 lock every due row before the limit: about
     * 12 ms per claim with 10,000 due. If every candidate was taken by another claimer in between, the locking select
     * over all due work decides, so a claimer never concludes "nothing due" while there is.
     */
    @Transactional
    public List<OutboxItem> claim(String kanaal, Volgorde volgorde, int max, String instantie, Duration lease,
                                  Instant nu) {
        String voorwaarde = volgorde.voorwaarde;
        List<Long> kandidaten = jdbc.sql("""
                select id from outbox where status = ? and kanaal = ? and volgende_poging <= ?
                    and (geclaimd_tot is null or geclaimd_tot < ?)%s
                order by id fetch first %d rows only""".formatted(voorwaarde, max))
                .params(TE_VERZENDEN, kanaal, Dialect.tijd(nu), Dialect.tijd(nu)).query(Long.class).list();
        if (kandidaten.isEmpty()) {
            return List.of();
        }
        List<OutboxItem> items = jdbc.sql("""
                select * from outbox where id in (:ids) and status = :status and volgende_poging <= :nu
                    and (geclaimd_tot is null or geclaimd_tot < :nu)%s
                order by id for update skip locked""".formatted(voorwaarde))
                .param("ids", kandidaten).param("status", TE_VERZENDEN).param("nu", Dialect.tijd(nu))
                .query(OutboxRepository::rij).list();
        if (items.isEmpty()) {
            // Another claimer took these candidates meanwhile: lock whatever is still free, the thorough way.
            items = jdbc.sql("""
                    select * from outbox where status = ? and kanaal = ? and volgende_poging <= ?
                        and (geclaimd_tot is null or geclaimd_tot < ?)%s
                    order by id fetch first %d rows only for update skip locked""".formatted(voorwaarde, max))
                    .params(TE_VERZENDEN, kanaal, Dialect.tijd(nu), Dialect.tijd(nu))
                    .query(OutboxRepository::rij).list();
            if (items.isEmpty()) {
                return List.of();
            }
        }
        jdbc.sql("update outbox set geclaimd_tot = :tot, geclaimd_door = :door where id in (:ids)")
                .param("tot", Dialect.tijd(nu.plus(lease))).param("door", instantie)
                .param("ids", items.stream().map(OutboxItem::id).toList()).update();
        return items;
    }

    /**
     * Renews the lease on those of {@code ids} that {@code instantie} still holds and that are still to be sent, to
     * {@code nu + lease}. Only the holder renews: work another instance took after the lease ran out, or that was
     * sent or given up meanwhile, is left as it is. Returns the ids still held.
     */
    @Transactional
    public List<Long> verleng(Collection<Long> ids, String instantie, Duration lease, Instant nu) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> gehouden = jdbc.sql("""
                select id from outbox where id in (:ids) and status = :status and geclaimd_door = :door
                    and geclaimd_tot is not null""")
                .param("ids", ids).param("status", TE_VERZENDEN).param("door", instantie).query(Long.class).list();
        if (!gehouden.isEmpty()) {
            jdbc.sql("""
                    update outbox set geclaimd_tot = :tot where id in (:ids) and status = :status
                        and geclaimd_door = :door and geclaimd_tot is not null""")
                    .param("tot", Dialect.tijd(nu.plus(lease))).param("ids", gehouden).param("status", TE_VERZENDEN)
                    .param("door", instantie).update();
        }
        return gehouden;
    }

    public OutboxItem vind(long id) {
        return jdbc.sql("select * from outbox where id = ?").param(id).query(OutboxRepository::rij).single();
    }

    /**
     * The receiver has it. Recorded whoever holds the item now: an answer that comes after the lease ran out (or
     * after another instance gave the item up as a dead letter) is still the truth that must not be lost. Returns
     * false if the item was already recorded as sent (a second answer to the same key changes nothing).
     */
    public boolean verzonden(long id, Instant nu) {
        return jdbc.sql("""
                update outbox set status = ?, verzonden = ?, pogingen = pogingen + 1, geclaimd_tot = null,
                    laatste_fout = null, code = null where id = ? and status <> ?""")
                .params(VERZONDEN, Dialect.tijd(nu), id, VERZONDEN).update() == 1;
    }

    /**
     * A retryable failure: try again at {@code volgende}. Only while {@code instantie} still holds the item and it
     * is still to be sent: once the lease ran out and another instance took it, or it was sent meanwhile, a late
     * failure of this instance is not the item's state. Returns whether it was recorded.
     */
    public boolean opnieuw(long id, String instantie, String fout, Instant volgende) {
        return jdbc.sql("""
                update outbox set pogingen = pogingen + 1, volgende_poging = ?, geclaimd_tot = null, laatste_fout = ?
                where id = ? and status = ? and geclaimd_door = ?""")
                .params(Dialect.tijd(volgende), fout, id, TE_VERZENDEN, instantie).update() == 1;
    }

    /**
     * A final failure: the dead letter a person acts on, with the receiver's code (V001, OT-409, …). Like
     * {@link #opnieuw}, only while {@code instantie} holds the item and it is still to be sent: a late failure never
     * overwrites VERZONDEN. Returns whether it was recorded.
     */
    public boolean mislukt(long id, String instantie, String code, String fout) {
        return jdbc.sql("""
                update outbox set status = ?, pogingen = pogingen + 1, geclaimd_tot = null, laatste_fout = ?, code = ?
                where id = ? and status = ? and geclaimd_door = ?""")
                .params(MISLUKT, fout, code, id, TE_VERZENDEN, instantie).update() == 1;
    }

    public List<OutboxItem> voorMelding(long meldingId) {
        return jdbc.sql("select * from outbox where melding_id = ? order by id").param(meldingId)
                .query(OutboxRepository::rij).list();
    }

    /**
     * Puts a dead letter back to be sent at once, with its own key and message id kept: if an earlier attempt did
     * reach the receiver after all, the receiver recognises it. Returns the number of items put back.
     */
    public int opnieuwProberen(long meldingId, Instant nu) {
        return jdbc.sql("""
                update outbox set status = ?, pogingen = 0, volgende_poging = ?, geclaimd_tot = null, code = null,
                    laatste_fout = null where melding_id = ? and status = ?""")
                .params(TE_VERZENDEN, Dialect.tijd(nu), meldingId, MISLUKT).update();
    }

    /**
     * Cancels work not yet sent and not held by an instance. Returns the number cancelled; work held now is left
     * alone (it may be on the wire).
     */
    public int annuleer(long meldingId, Instant nu) {
        return jdbc.sql("""
                update outbox set status = ?, geclaimd_tot = null where melding_id = ? and status in (?, ?)
                    and (geclaimd_tot is null or geclaimd_tot < ?)""")
                .params(GEANNULEERD, meldingId, TE_VERZENDEN, MISLUKT, Dialect.tijd(nu)).update();
    }

    /** Every dead letter, oldest first. */
    public List<Doodloper> doodlopers() {
        return doodlopers(false, Integer.MAX_VALUE);
    }

    /** At most {@code max} dead letters, the newest or the oldest first. */
    public List<Doodloper> doodlopers(boolean nieuwsteEerst, int max) {
        return doodlopers(nieuwsteEerst, max, Schoolbereik.BESTUUR);
    }

    /** Dead letters of the schools within {@code bereik} only. */
    public List<Doodloper> doodlopers(boolean nieuwsteEerst, int max, Schoolbereik bereik) {
        return doodlopers(nieuwsteEerst, 0, max, bereik);
    }

    /** {@code max} dead letters within {@code bereik} from the {@code vanaf}-th on (counted from 0): one page. */
    public List<Doodloper> doodlopers(boolean nieuwsteEerst, long vanaf, int max, Schoolbereik bereik) {
        List<Object> params = new ArrayList<>();
        params.add(MISLUKT);
        params.addAll(bereik.parameters());
        return jdbc.sql("""
                select o.id, o.melding_id, m.brin, m.vestiging, m.leerling_id, o.kanaal, o.operatie, o.code,
                    o.laatste_fout, o.pogingen, o.aangemaakt
                from outbox o join melding m on m.id = o.melding_id
                where o.status = ? and %s order by o.id %s offset %d rows fetch next %d rows only"""
                        .formatted(bereik.sql("m.brin", "m.vestiging"), nieuwsteEerst ? "desc" : "asc",
                                Math.max(0, vanaf), Math.max(1, max)))
                .params(params)
                .query((rs, n) -> new Doodloper(rs.getLong("id"), rs.getLong("melding_id"), rs.getString("brin"),
                        rs.getString("vestiging"), rs.getString("leerling_id"), rs.getString("kanaal"),
                        rs.getString("operatie"), rs.getString("code"), rs.getString("laatste_fout"),
                        rs.getInt("pogingen"), Dialect.instant(rs.getObject("aangemaakt", OffsetDateTime.class))))
                .list();
    }

    /** How many dead letters there are: exact, counted in the database. */
    public long aantalDoodlopers() {
        return aantalDoodlopers(Schoolbereik.BESTUUR);
    }

    /** How many dead letters there are within {@code bereik}: exact, counted in the database. */
    public long aantalDoodlopers(Schoolbereik bereik) {
        List<Object> params = new ArrayList<>();
        params.add(MISLUKT);
        params.addAll(bereik.parameters());
        // joined like the list itself, so that the count is exactly what the pages hold
        String sql = "select count(*) from outbox o join melding m on m.id = o.melding_id where o.status = ? and "
                + bereik.sql("m.brin", "m.vestiging");
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    static OutboxItem rij(ResultSet rs, int n) throws SQLException {
        return new OutboxItem(rs.getLong("id"), rs.getLong("melding_id"), rs.getString("kanaal"),
                OutboxItem.Operatie.valueOf(rs.getString("operatie")), rs.getString("sleutel"),
                rs.getString("bericht_id"), rs.getInt("pogingen"),
                Dialect.instant(rs.getObject("aangemaakt", OffsetDateTime.class)), rs.getString("reden"),
                rs.getString("status"), Dialect.instant(rs.getObject("volgende_poging", OffsetDateTime.class)),
                Dialect.instant(rs.getObject("verzonden", OffsetDateTime.class)), rs.getString("laatste_fout"));
    }
}
